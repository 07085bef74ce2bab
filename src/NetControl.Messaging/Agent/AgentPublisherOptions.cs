using NetControl.Messaging.Connection;
using NetControl.Messaging.StoreAndForward;

namespace NetControl.Messaging.Agent;

/// <summary>Configuration of an <see cref="AgentPublisher"/>; the agent id is <c>Broker.UserName</c>.</summary>
public sealed record AgentPublisherOptions
{
    public required BrokerConnectionOptions Broker { get; init; }

    public required StoreAndForwardOptions StoreAndForward { get; init; }

    /// <summary>Summaries per MQTT message (array envelope).</summary>
    public int MaxSummariesPerMessage { get; init; } = 100;

    /// <summary>
    /// Bound on the JSON of one message's summaries. Kept under MQTTnet's 64 KiB pooled writer buffer: larger
    /// messages measured slower end to end (100 summaries of ~400 bytes fit).
    /// </summary>
    public int MaxMessageBytes { get; init; } = 60_000;

    /// <summary>QoS 1 messages awaiting their PUBACK at once.</summary>
    public int MaxInFlightMessages { get; init; } = 16;

    /// <summary>
    /// When set, the agent subscribes (QoS 1, on its persistent session) to its <c>commands</c> topic and hands each
    /// payload to this handler; the bytes it returns (a <see cref="Commands.CommandResult"/>) are published on the
    /// agent's <c>results</c> topic before the command is acknowledged. Null: no commands.
    /// </summary>
    public Func<System.Buffers.ReadOnlySequence<byte>, CancellationToken, Task<byte[]>>? CommandHandler { get; init; }
}
