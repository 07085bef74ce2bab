using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetControl.Core.Devices;
using NetControl.Orchestration.Lightpaths;
using ApiLog = NetControl.Controller.Api.ApiLog;

namespace NetControl.Controller.Api.Problems;

/// <summary>
/// Turns exceptions and bodyless error statuses into problem details: <see cref="LightpathException"/> by its kind,
/// <see cref="ApiRequestException"/> and unreadable bodies as 400, unknown routes 404, device failures 502, anything
/// else 500 with a generic message (logged, never sent).
/// </summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (kind, detail) = Classify(ex);
            if (kind.Status >= 500)
            {
                ApiLog.RequestFailed(logger, context.Request.Method, context.Request.Path, ex);
            }

            context.Response.Clear();
            await ProblemWriter.WriteAsync(context, kind, detail).ConfigureAwait(false);
            return;
        }

        if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
        {
            switch (context.Response.StatusCode)
            {
                case StatusCodes.Status404NotFound:
                    await ProblemWriter.WriteAsync(context, ProblemKind.NoSuchRoute, $"no API route {context.Request.Method} {context.Request.Path}").ConfigureAwait(false);
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    await ProblemWriter.WriteAsync(context, ProblemKind.MethodNotAllowed, $"{context.Request.Method} is not allowed on {context.Request.Path}").ConfigureAwait(false);
                    break;
                case StatusCodes.Status415UnsupportedMediaType:
                    await ProblemWriter.WriteAsync(context, ProblemKind.InvalidRequest, "the body must be JSON (Content-Type: application/json)").ConfigureAwait(false);
                    break;
            }
        }
    }

    internal static (ProblemKind Kind, string Detail) Classify(Exception ex) => ex switch
    {
        LightpathException lp => (ProblemKind.For(lp.Kind), lp.Message),
        ApiRequestException bad => (ProblemKind.InvalidRequest, bad.Message),
        ApiForbiddenException forbidden => (ProblemKind.Forbidden, forbidden.Message),
        BadHttpRequestException bad => (ProblemKind.InvalidRequest, bad.InnerException is System.Text.Json.JsonException json ? JsonErrors.Describe(json) : bad.Message),
        DeviceException device => (ProblemKind.DeviceError, device.Message),
        _ => (ProblemKind.Internal, "the controller failed to handle the request; see its log"),
    };
}
