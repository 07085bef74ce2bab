using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Dashboard client {ConnectionId} subscribed ({Clients} connected)")]
    public static partial void Subscribed(ILogger logger, string connectionId, int clients);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "Dashboard client {ConnectionId} left ({Clients} connected)")]
    public static partial void Unsubscribed(ILogger logger, string connectionId, int clients);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Sending to dashboard client {ConnectionId} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Dashboard fault injection on link {Link} ({Action}) failed: {Reason}")]
    public static partial void FaultFailed(ILogger logger, string link, string action, string reason);
}
