using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Utilisation;

/// <summary>Utilisation poller log messages; they name devices, never SNMP communities.</summary>
internal static partial class UtilisationLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Polling interface rates of {Count} SNMP device(s) every {IntervalMs} ms")]
    public static partial void Started(ILogger logger, int count, double intervalMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Could not poll interface rates of {Device} over SNMP: {Reason}; its links keep their last measurement until it answers")]
    public static partial void PollFailed(ILogger logger, string device, string reason, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Interface rates of {Device} read again over SNMP")]
    public static partial void PollRecovered(ILogger logger, string device);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "The utilisation poll loop stopped")]
    public static partial void LoopFailed(ILogger logger, Exception exception);
}
