using System.Net;

namespace NetControl.Messaging.Broker;

/// <summary>Configuration of the <see cref="EmbeddedBroker"/> (the one-process default; production uses an external broker).</summary>
public sealed record EmbeddedBrokerOptions
{
    /// <summary>Listening address; loopback by default.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (see <see cref="EmbeddedBroker.EndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>Agent id (MQTT user name and client id) to its secret (MQTT password), from configuration.</summary>
    public IReadOnlyDictionary<string, string> AgentSecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The controller identity: may publish and subscribe anywhere.</summary>
    public string ControllerUserName { get; init; } = "netcontrol-controller";

    /// <summary>The controller's secret; null disables the controller identity.</summary>
    public string? ControllerSecret { get; init; }

    /// <summary>QoS 1 messages queued per client (also while a persistent session is offline); past it the oldest go.</summary>
    public int MaxPendingMessagesPerClient { get; init; } = 250_000;
}
