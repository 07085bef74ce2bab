using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.Broker;

/// <summary>Source-generated log messages of <see cref="EmbeddedBroker"/> (event ids 6000-6099). Secrets are never logged.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(6000, LogLevel.Information, "embedded MQTT broker listening on {EndPoint}, {Agents} agents configured")]
    public static partial void Started(ILogger logger, string endPoint, int agents);

    [LoggerMessage(6001, LogLevel.Warning, "connection refused: client '{ClientId}', user '{UserName}' from {Remote}: {Reason}")]
    public static partial void ConnectionRejected(ILogger logger, string? clientId, string? userName, string? remote, string reason);

    [LoggerMessage(6002, LogLevel.Warning, "publish refused: client '{ClientId}' (user '{UserName}') may not publish to '{Topic}'")]
    public static partial void PublishRejected(ILogger logger, string? clientId, string? userName, string topic);

    [LoggerMessage(6003, LogLevel.Warning, "subscription refused: client '{ClientId}' (user '{UserName}') may not subscribe to '{Filter}'")]
    public static partial void SubscriptionRejected(ILogger logger, string? clientId, string? userName, string filter);

    [LoggerMessage(6004, LogLevel.Debug, "client '{ClientId}' disconnected ({Type})")]
    public static partial void ClientDisconnected(ILogger logger, string clientId, string type);

    [LoggerMessage(6005, LogLevel.Information, "embedded MQTT broker on {EndPoint} stopped")]
    public static partial void Stopped(ILogger logger, string endPoint);
}
