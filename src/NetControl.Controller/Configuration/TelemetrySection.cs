using NetControl.Controller.Telemetry;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>
/// Reads <c>telemetry</c>: the embedded broker (default) or an external one, the controller's MQTT secret, each
/// agent's id and secret (embedded broker credentials and topic ACLs), the roll-up database and the reflector overlay topology.
/// </summary>
internal static class TelemetrySection
{
    public static readonly string[] Keys = ["embeddedBroker", "broker", "agents", "rollups", "overlay", .. ConfigSecret.Keys("controllerSecret")];
    private static readonly string[] BrokerKeys = ["host", "port"];
    private static readonly string[] AgentKeys = ["id", .. ConfigSecret.Keys("secret")];

    public static TelemetryOptions Read(ConfigMap map, Func<string, string?> environment)
    {
        var source = map.Source;
        var broker = map.Node("broker") is { } b ? ConfigMap.Open(source, b, map.Child("broker"), BrokerKeys) : null;
        var (secret, _) = ConfigSecret.Read(map, "controllerSecret", environment)
            ?? throw source.Error(map.Start, map.Path, "no controller MQTT secret: set controllerSecret, controllerSecretFile or controllerSecretEnv");
        var agents = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = map.Sequence("agents");
        for (int i = 0; i < items.Count; i++)
        {
            var agent = ConfigMap.Open(source, items[i], $"{map.Child("agents")}[{i}]", AgentKeys);
            string id = agent.RequiredString("id");
            var (agentSecret, _) = ConfigSecret.Read(agent, "secret", environment)
                ?? throw source.Error(agent.Start, agent.Path, "no secret: set secret, secretFile or secretEnv");
            if (!agents.TryAdd(id, agentSecret))
            {
                throw source.Error(agent.Required("id"), agent.Child("id"), $"agent '{id}' is already defined");
            }
        }

        var defaults = new TelemetryOptions { ControllerSecret = secret };
        return defaults with
        {
            EmbeddedBroker = map.OptionalBool("embeddedBroker") ?? true,
            BrokerHost = broker?.OptionalString("host") ?? defaults.BrokerHost,
            BrokerPort = broker?.OptionalInt("port", 0, 65535) ?? defaults.BrokerPort,
            AgentSecrets = agents,
            RollupDatabasePath = map.OptionalString("rollups") is { } rollups ? source.ResolvePath(rollups) : null,
            Overlay = map.Node("overlay") is not null ? ConfigTopology.Load(map, "overlay").Topology : null,
        };
    }
}
