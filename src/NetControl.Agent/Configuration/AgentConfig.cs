namespace NetControl.Agent.Configuration;

/// <summary>A probe agent's validated configuration, as <see cref="AgentConfigLoader"/> reads it from YAML.</summary>
public sealed record AgentConfig
{
    /// <summary>The agent id: MQTT user name, client id and topic level (see <c>TopicScheme</c>).</summary>
    public required string AgentId { get; init; }

    /// <summary>How to reach the broker.</summary>
    public required BrokerConfig Broker { get; init; }

    /// <summary>Directory of the store-and-forward journal (absolute; created if missing).</summary>
    public required string JournalDirectory { get; init; }

    /// <summary>The local STAMP reflector, or null to run none.</summary>
    public ReflectorConfig? Reflector { get; init; }

    /// <summary>Probe settings a target does not override.</summary>
    public ProbeSettings Defaults { get; init; } = new();

    /// <summary>The reflectors to probe, one STAMP session each (ids unique).</summary>
    public IReadOnlyList<TargetConfig> Targets { get; init; } = [];

    /// <summary>Available-bandwidth estimation, or null for none.</summary>
    public BandwidthConfig? Bandwidth { get; init; }

    /// <summary>Signed host commands from the controller, or null to accept none.</summary>
    public HostCommandsConfig? HostCommands { get; init; }
}
