using Microsoft.Extensions.Logging;

namespace NetControl.Orchestration.Lightpaths;

internal static partial class LightpathServiceLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "lightpath {Id} {From} -> {To}: {Trigger} -> {State} ({Cause})")]
    public static partial void Transition(ILogger logger, string id, string from, string to, string trigger, string state, string cause);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "link {Link} {Condition}: {Cause}")]
    public static partial void LinkChanged(ILogger logger, string link, string condition, string cause);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "lightpath {Id}: background work failed: {Error}")]
    public static partial void WorkFailed(ILogger logger, string id, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "reconciliation: {Device}: {What}")]
    public static partial void Reconciled(ILogger logger, string device, string what);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "lightpath {Id}: release incomplete, retrying: {Error}")]
    public static partial void ReleaseRetry(ILogger logger, string id, string error);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "lightpath {Id}: no free path yet (attempt {Attempt}), retrying: {Error}")]
    public static partial void RestorationRetry(ILogger logger, string id, int attempt, string error);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "lightpath {Id}: its end hosts could not be restored on release: {Error}")]
    public static partial void HostRestoreFailed(ILogger logger, string id, string error);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "lightpath {Id}: end hosts' TCP buffers sized for its new path ({LatencyMs} ms one way)")]
    public static partial void HostsRetuned(ILogger logger, string id, double latencyMs);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "lightpath {Id}: end hosts' TCP buffers could not be sized for its new path (they keep the old sizes): {Error}")]
    public static partial void HostRetuneFailed(ILogger logger, string id, string error);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "lightpath {Id} ({State}) loaded without its reservation: {Error}")]
    public static partial void LoadConflict(ILogger logger, string id, string state, string error);
}
