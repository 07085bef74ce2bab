using System.Net.Http.Headers;
using System.Text;

namespace NetControl.Controller.Tests.Support;

/// <summary>Reads a server-sent-events response frame by frame (event name, data, or a comment).</summary>
internal sealed class SseClient(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public HttpResponseMessage Response { get; } = response;

    public static async Task<SseClient> OpenAsync(HttpClient http, string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseClient(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The next frame as its raw lines (without the blank terminator), or null at the end of the stream.</summary>
    public async Task<IReadOnlyList<string>?> NextFrameAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        while (true)
        {
            string? line = await reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return lines.Count == 0 ? null : lines;
            }

            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    return lines;
                }

                continue;
            }

            lines.Add(line);
        }
    }

    /// <summary>The next <c>event: lightpath</c> frame's data, skipping heartbeats; null at the end of the stream.</summary>
    public async Task<string?> NextLightpathAsync(TimeSpan? limit = null)
    {
        while (true)
        {
            var frame = await NextFrameAsync(limit);
            if (frame is null)
            {
                return null;
            }

            if (frame[0].StartsWith(':'))
            {
                continue;
            }

            Assert.Equal("event: lightpath", frame[0]);
            Assert.Equal(2, frame.Count);
            Assert.StartsWith("data: ", frame[1], StringComparison.Ordinal);
            return frame[1]["data: ".Length..];
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        Response.Dispose();
    }
}
