using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Host.Configuration;

internal static partial class HostConfiguratorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Host}: {Step}: {State} -> applied ({Commands} commands)")]
    public static partial void Applied(ILogger logger, string host, string step, string state, int commands);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Host}: {Step}: already so ({State})")]
    public static partial void Holds(ILogger logger, string host, string step, string state);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Host}: {Step} failed, rolling back {Count} applied steps: {Reason}")]
    public static partial void RollingBack(ILogger logger, string host, string step, int count, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Host}: undo command '{Command}' failed: {Reason}")]
    public static partial void UndoFailed(ILogger logger, string host, string command, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Host}: rolled back {Count} steps")]
    public static partial void RolledBack(ILogger logger, string host, int count);
}
