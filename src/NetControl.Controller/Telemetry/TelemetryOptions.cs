using NetControl.Core.Telemetry;
using NetControl.Core.Topology;
using NetControl.Messaging.Ingest;
using NetControl.Orchestration.Overlay;

namespace NetControl.Controller.Telemetry;

/// <summary>
/// Probe telemetry in the controller: where agents publish (the embedded MQTT broker by default, or an external one),
/// how summaries become link quality and probe alarms, where roll-ups are kept, and the reflector overlay.
/// </summary>
public sealed record TelemetryOptions
{
    /// <summary>Run the embedded broker (true, default) or connect to <see cref="BrokerHost"/>:<see cref="BrokerPort"/>.</summary>
    public bool EmbeddedBroker { get; init; } = true;

    /// <summary>External broker host, or the address the embedded broker binds (loopback by default).</summary>
    public string BrokerHost { get; init; } = "127.0.0.1";

    /// <summary>Broker port; with the embedded broker 0 picks a free one (see <see cref="TelemetryPipeline.BrokerPort"/>).</summary>
    public int BrokerPort { get; init; } = 1883;

    /// <summary>Agent id to MQTT secret, for the embedded broker's per-agent credentials and topic ACLs.</summary>
    public IReadOnlyDictionary<string, string> AgentSecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The controller's MQTT identity.</summary>
    public string ControllerUserName { get; init; } = "netcontrol-controller";

    /// <summary>The controller's MQTT secret (required: the controller subscribes with it).</summary>
    public required string ControllerSecret { get; init; }

    public LinkTelemetryOptions Links { get; init; } = new();

    public PresenceTrackerOptions Presence { get; init; } = new();

    /// <summary>SQLite file of minute and hour roll-ups; null keeps none.</summary>
    public string? RollupDatabasePath { get; init; }

    /// <summary>How often completed roll-up buckets are written.</summary>
    public TimeSpan RollupFlushInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The reflector network (nodes of kind reflector and the links between them); null: no overlay.</summary>
    public NetworkTopology? Overlay { get; init; }

    public ReflectorOverlayOptions OverlayOptions { get; init; } = new();
}
