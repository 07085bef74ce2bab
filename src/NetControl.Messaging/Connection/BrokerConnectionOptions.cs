namespace NetControl.Messaging.Connection;

/// <summary>How a NetControl client reaches the broker (embedded or external) and who it is.</summary>
public sealed record BrokerConnectionOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>MQTT user name: the agent id for agents, the controller identity for the controller.</summary>
    public required string UserName { get; init; }

    /// <summary>The shared secret (MQTT password). Never logged.</summary>
    public required string Secret { get; init; }

    /// <summary>How long the broker keeps the session (subscriptions, queued QoS 1 messages) while disconnected.</summary>
    public TimeSpan SessionExpiry { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of connect, publish and subscribe round trips.</summary>
    public TimeSpan CommunicationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);
}
