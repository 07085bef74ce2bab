using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.Ingest;

/// <summary>Source-generated log messages of <see cref="MeasurementSubscriber"/> (event ids 6300-6399).</summary>
internal static partial class IngestLog
{
    [LoggerMessage(6300, LogLevel.Information, "ingest connected to {Endpoint} as '{ClientId}' (session present {SessionPresent})")]
    public static partial void Connected(ILogger logger, string endpoint, string clientId, bool sessionPresent);

    [LoggerMessage(6301, LogLevel.Warning, "ingest cannot connect to {Endpoint}: {Reason}; retrying in {DelayMs:0} ms")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string reason, double delayMs);

    [LoggerMessage(6302, LogLevel.Warning, "ingest connection to {Endpoint} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, string reason);

    [LoggerMessage(6303, LogLevel.Warning, "undecodable message dropped: {Error}")]
    public static partial void DecodeFailed(ILogger logger, NetControl.Messaging.Contracts.DecodeError error);

    [LoggerMessage(6304, LogLevel.Error, "subscription to '{Filter}' refused: {ReasonCode}")]
    public static partial void SubscriptionRefused(ILogger logger, string filter, string reasonCode);

    [LoggerMessage(6305, LogLevel.Error, "measurement sink failed for agent {AgentId}: {Error}")]
    public static partial void SinkFailed(ILogger logger, string agentId, string error);
}
