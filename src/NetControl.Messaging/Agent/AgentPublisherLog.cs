using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.Agent;

/// <summary>Source-generated log messages of <see cref="AgentPublisher"/> (event ids 6100-6199). Secrets are never logged.</summary>
internal static partial class AgentPublisherLog
{
    [LoggerMessage(6100, LogLevel.Information, "agent {AgentId}: connected to {Endpoint} (session present {SessionPresent}), {Pending} summaries to send")]
    public static partial void Connected(ILogger logger, string agentId, string endpoint, bool sessionPresent, int pending);

    [LoggerMessage(6101, LogLevel.Warning, "agent {AgentId}: cannot connect to {Endpoint}: {Reason}; retrying in {DelayMs:0} ms")]
    public static partial void ConnectFailed(ILogger logger, string agentId, string endpoint, string reason, double delayMs);

    [LoggerMessage(6102, LogLevel.Warning, "agent {AgentId}: connection to {Endpoint} lost: {Reason}; {Pending} summaries kept for resend")]
    public static partial void ConnectionLost(ILogger logger, string agentId, string endpoint, string reason, int pending);

    [LoggerMessage(6103, LogLevel.Error, "agent {AgentId}: broker refused summaries {First}..{Last}: {ReasonCode} {ReasonString}; removed")]
    public static partial void Rejected(ILogger logger, string agentId, long first, long last, string reasonCode, string? reasonString);

    [LoggerMessage(6104, LogLevel.Information, "agent {AgentId}: stopped, {Pending} summaries left in the journal")]
    public static partial void Stopped(ILogger logger, string agentId, int pending);

    [LoggerMessage(6105, LogLevel.Warning, "agent {AgentId}: the result of a command could not be sent: {Reason}; the command comes again")]
    public static partial void CommandResultNotSent(ILogger logger, string agentId, string reason);
}
