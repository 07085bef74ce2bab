using Microsoft.Extensions.Logging;

namespace NetControl.Agent.Hosting;

/// <summary>Source-generated log messages of the agent host (event ids 6500-6599). The broker secret is never logged.</summary>
internal static partial class AgentHostLog
{
    [LoggerMessage(6500, LogLevel.Information, "agent {AgentId}: started (broker {Broker}, secret from {SecretSource}, journal {Journal}, reflector {Reflector}, {Targets} targets)")]
    public static partial void Started(ILogger logger, string agentId, string broker, string secretSource, string journal, string reflector, int targets);

    [LoggerMessage(6501, LogLevel.Information, "agent {AgentId}: session to {TargetId} ({Endpoint}) started")]
    public static partial void SessionStarted(ILogger logger, string agentId, string targetId, string endpoint);

    [LoggerMessage(6502, LogLevel.Warning, "agent {AgentId}: session to {TargetId} failed: {Error}; restarting in {DelayMs:0} ms")]
    public static partial void SessionFailed(ILogger logger, string agentId, string targetId, string error, double delayMs);

    [LoggerMessage(6503, LogLevel.Error, "agent {AgentId}: summary for {TargetId} not journaled: {Error}")]
    public static partial void EnqueueFailed(ILogger logger, string agentId, string targetId, string error);

    [LoggerMessage(6504, LogLevel.Warning, "agent {AgentId}: summary handler failed: {Error}")]
    public static partial void HandlerFailed(ILogger logger, string agentId, string error);

    [LoggerMessage(6506, LogLevel.Information, "agent {AgentId}: available bandwidth towards {TargetId}: {LowMbps:0.#}-{HighMbps:0.#} Mbit/s ({Reason}, {Bytes} bytes in {Seconds:0.0} s)")]
    public static partial void Estimated(ILogger logger, string agentId, string targetId, double lowMbps, double highMbps, string reason, long bytes, double seconds);

    [LoggerMessage(6507, LogLevel.Warning, "agent {AgentId}: available bandwidth towards {TargetId} not published: {Error}")]
    public static partial void EstimateFailed(ILogger logger, string agentId, string targetId, string error);

    [LoggerMessage(6508, LogLevel.Information, "agent {AgentId}: host commands run on {Where}; {ChangeSets} applied change sets held")]
    public static partial void HostCommands(ILogger logger, string agentId, string where, int changeSets);

    [LoggerMessage(6505, LogLevel.Information, "agent {AgentId}: stopped ({Pending} summaries not acknowledged, kept in the journal)")]
    public static partial void Stopped(ILogger logger, string agentId, int pending);
}
