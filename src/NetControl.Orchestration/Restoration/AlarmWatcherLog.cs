using Microsoft.Extensions.Logging;

namespace NetControl.Orchestration.Restoration;

internal static partial class AlarmWatcherLog
{
    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Alarm watch of {Device} failed; watching again shortly")]
    public static partial void WatchFailed(ILogger logger, string device, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Alarm watch of {Device} ended; watching again shortly")]
    public static partial void WatchEnded(ILogger logger, string device);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "The lightpath service failed to take an event of {Device}")]
    public static partial void SinkFailed(ILogger logger, string device, Exception exception);
}
