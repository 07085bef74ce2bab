using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NetControl.Cli.Lightpaths;

/// <summary>
/// A small typed client of the controller's lightpath API. Problem responses become <see cref="CliInputException"/>
/// with the text <c>&lt;detail&gt; (HTTP &lt;status&gt;)</c>; an unreachable controller a one-line error naming the URL.
/// </summary>
public sealed class LightpathApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;

    public LightpathApiClient(Uri baseAddress, string? token, TimeSpan? timeout = null)
    {
        _base = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = new HttpClient { Timeout = timeout ?? Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Task<LightpathView> RequestAsync(LightpathRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/lightpaths", JsonContent.Create(request, LightpathJsonContext.Default.LightpathRequest), LightpathJsonContext.Default.LightpathView, cancellationToken);

    public async Task<IReadOnlyList<LightpathView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Get, "api/v1/lightpaths", null, LightpathJsonContext.Default.LightpathList, cancellationToken).ConfigureAwait(false)).Items;

    public Task<LightpathView> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/v1/lightpaths/{Uri.EscapeDataString(id)}", null, LightpathJsonContext.Default.LightpathView, cancellationToken);

    /// <summary>DELETE; returns the lightpath as the answer shows it (or as a following GET shows it when the body is empty).</summary>
    public async Task<LightpathView> ReleaseAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, $"api/v1/lightpaths/{Uri.EscapeDataString(id)}", null, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Length > 0 && Deserialize(body, LightpathJsonContext.Default.LightpathView) is { } view
            ? view
            : await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follows the server-sent-events stream of a lightpath; ends when the server ends it (after Released).</summary>
    public async IAsyncEnumerable<LightpathView> WatchAsync(string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await SendRawAsync(HttpMethod.Get, $"api/v1/lightpaths/{Uri.EscapeDataString(id)}/events", null, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        using (response)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            string? evt = null;
            var data = new System.Text.StringBuilder();
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new CliInputException($"the event stream from {_base} broke: {ex.Message}", ex);
                }

                if (line is null)
                {
                    yield break;
                }

                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        string payload = data.ToString();
                        data.Clear();
                        if (evt is null or "lightpath")
                        {
                            if (Deserialize(payload, LightpathJsonContext.Default.LightpathView) is { } view)
                            {
                                yield return view;
                            }
                        }
                        else if (evt == "error")
                        {
                            string detail = Deserialize(payload, LightpathJsonContext.Default.ProblemView)?.Detail ?? payload;
                            throw new CliInputException($"{detail} (event stream)");
                        }
                    }

                    evt = null;
                    continue;
                }

                if (line.StartsWith(':'))
                {
                    continue;
                }

                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    evt = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(line[5..].TrimStart());
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Deserialize(body, type) ?? throw new CliInputException($"the controller at {_base} answered {(int)response.StatusCode} with an unreadable body");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base, path)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CliInputException($"cannot reach the controller at {_base}: {OneLine(ex.Message)}", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var problem = Deserialize(body, LightpathJsonContext.Default.ProblemView);
            string detail = problem?.Detail ?? problem?.Title ?? (string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "request failed" : body);
            throw new CliInputException($"{OneLine(detail)} (HTTP {(int)response.StatusCode})");
        }
    }

    private static T? Deserialize<T>(string body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
