using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>Source-generated log messages of the TL1 switch drivers (event ids 3200-3299).</summary>
internal static partial class Tl1DriverLog
{
    [LoggerMessage(3200, LogLevel.Warning, "{Device}: unreadable alarm line in {Report} (ATAG {Atag}): {Error}; re-reading active alarms")]
    public static partial void UnreadableAlarm(ILogger logger, string device, string report, int atag, string error);
}
