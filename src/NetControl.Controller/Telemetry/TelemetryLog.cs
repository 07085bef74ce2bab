using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Telemetry;

internal static partial class TelemetryLog
{
    [LoggerMessage(4700, LogLevel.Information, "telemetry: {Broker} broker at {Endpoint}; overlay of {Reflectors} reflectors; roll-ups {Rollups}")]
    public static partial void Started(ILogger logger, string broker, string endpoint, int reflectors, string rollups);

    [LoggerMessage(4701, LogLevel.Warning, "telemetry: link {Link} {Previous} -> {Current}: {Cause}")]
    public static partial void ConditionChanged(ILogger logger, string link, string previous, string current, string cause);

    [LoggerMessage(4702, LogLevel.Warning, "telemetry: probe alarm on {Link} not applied to link state: {Error}")]
    public static partial void ConditionNotApplied(ILogger logger, string link, string error);

    [LoggerMessage(4703, LogLevel.Warning, "telemetry: writing {Count} roll-ups failed (kept for the next flush): {Error}")]
    public static partial void RollupWriteFailed(ILogger logger, int count, string error);

    [LoggerMessage(4704, LogLevel.Information, "telemetry: agent {Agent} {State} ({Reason})")]
    public static partial void AgentPresence(ILogger logger, string agent, string state, string reason);
}
