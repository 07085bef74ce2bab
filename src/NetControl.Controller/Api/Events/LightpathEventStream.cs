using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Hosting;
using NetControl.Core.Lightpaths;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Events;

/// <summary>
/// <c>GET /api/v1/lightpaths/{id}/events</c>: server-sent events, one <c>event: lightpath</c> per change (the current
/// state first) with the lightpath JSON on one <c>data:</c> line, a <c>: heartbeat</c> comment when idle, and the
/// end of the stream once the lightpath is released.
/// </summary>
internal static class LightpathEventStream
{
    public const string ContentType = "text/event-stream";

    public const string EventName = "lightpath";

    public static async Task WriteAsync(string id, HttpContext context, ILightpathService service, ControllerOptions options, TimeProvider time)
    {
        _ = service.Get(id);
        var cancellation = context.RequestAborted;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(cancellation).ConfigureAwait(false);

        var updates = Channel.CreateUnbounded<LightpathRecord>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var pump = PumpAsync(service, id, updates.Writer, stop.Token);
        Task<bool>? wait = null;
        try
        {
            while (true)
            {
                wait ??= updates.Reader.WaitToReadAsync(stop.Token).AsTask();
                using (var beat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    var heartbeat = Task.Delay(options.EventStreamHeartbeat, time, beat.Token);
                    var first = await Task.WhenAny(wait, heartbeat).ConfigureAwait(false);
                    await beat.CancelAsync().ConfigureAwait(false);
                    if (first != wait)
                    {
                        await WriteTextAsync(response, ": heartbeat\n\n", stop.Token).ConfigureAwait(false);
                        continue;
                    }
                }

                bool more;
                try
                {
                    more = await wait.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var (kind, detail) = Problems.ProblemMiddleware.Classify(ex);
                    await WriteTextAsync(response, $"event: error\ndata: {JsonSerializer.Serialize(new { type = kind.Type, detail }, ApiJson.Options)}\n\n", stop.Token).ConfigureAwait(false);
                    break;
                }

                wait = null;
                if (!more)
                {
                    break;
                }

                bool released = false;
                while (updates.Reader.TryRead(out var record))
                {
                    await WriteTextAsync(response, Frame(record), stop.Token).ConfigureAwait(false);
                    released |= record.State == LightpathState.Released;
                }

                if (released)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>The SSE frame of one record: <c>event: lightpath</c>, one <c>data:</c> line, a blank line.</summary>
    public static string Frame(LightpathRecord record) =>
        $"event: {EventName}\ndata: {JsonSerializer.Serialize(record.ToDto(), ApiJson.Options)}\n\n";

    private static async Task PumpAsync(ILightpathService service, string id, ChannelWriter<LightpathRecord> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await foreach (var record in service.WatchAsync(id, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        writer.TryComplete(failure);
    }

    private static async Task WriteTextAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
