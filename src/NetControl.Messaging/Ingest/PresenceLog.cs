using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.Ingest;

/// <summary>Source-generated log messages of <see cref="PresenceTracker"/> (event ids 6400-6499).</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(6400, LogLevel.Information, "agent {AgentId} is up ({Reason})")]
    public static partial void Up(ILogger logger, string agentId, PresenceReason reason);

    [LoggerMessage(6401, LogLevel.Warning, "agent {AgentId} is down ({Reason}); last heard {LastSeen:o}")]
    public static partial void Down(ILogger logger, string agentId, PresenceReason reason, DateTimeOffset lastSeen);
}
