using Microsoft.AspNetCore.Http;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// Browsers cannot set headers on a WebSocket (or an EventSource), so on the hub path only the bearer token may come
/// as the <c>access_token</c> query parameter (as the SignalR clients send it); it becomes the Authorization header
/// the token handler reads. Everywhere else the header stays the only way.
/// </summary>
internal sealed class HubTokenQuery(RequestDelegate next)
{
    public const string Parameter = "access_token";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(DashboardOptions.HubPath, StringComparison.Ordinal)
            && context.Request.Headers.Authorization.Count == 0
            && context.Request.Query.TryGetValue(Parameter, out var token)
            && !string.IsNullOrWhiteSpace(token))
        {
            context.Request.Headers.Authorization = "Bearer " + token.ToString();
        }

        return next(context);
    }
}
