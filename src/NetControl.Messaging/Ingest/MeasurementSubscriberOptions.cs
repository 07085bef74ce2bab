using NetControl.Messaging.Connection;

namespace NetControl.Messaging.Ingest;

/// <summary>Configuration of a <see cref="MeasurementSubscriber"/> (the controller identity's credentials in <c>Broker</c>).</summary>
public sealed record MeasurementSubscriberOptions
{
    public required BrokerConnectionOptions Broker { get; init; }

    /// <summary>Client id of the persistent session; stable across controller restarts so queued messages are kept.</summary>
    public string ClientId { get; init; } = "netcontrol-controller-ingest";

    /// <summary>Hand duplicates (already seen sequence numbers) to the sink too; they are counted either way.</summary>
    public bool DeliverDuplicates { get; init; }

    /// <summary>Received messages waiting for the decoder; when full, the MQTT receive loop waits (backpressure to the broker).</summary>
    public int PipelineDepth { get; init; } = 256;
}
