using NetControl.Messaging.Topics;
using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>
/// Reads an agent configuration file (see <c>agent.example.yaml</c>). Every problem is one
/// <see cref="AgentException"/> whose message is <c>FILE:LINE:COLUMN: PATH: problem</c> (for example
/// <c>agent.yaml:12:14: targets[2].address: 'foo' is not host:port</c>; list indexes count from 0): bad YAML, unknown
/// keys, missing required keys, bad numbers, duplicate target ids, an unreadable secret. Nothing is returned unless
/// the whole file is valid.
/// </summary>
public static class AgentConfigLoader
{
    /// <summary>The environment variable holding the broker secret when the file gives none.</summary>
    public const string SecretEnvironmentVariable = "NETCONTROL_AGENT_SECRET";

    private static readonly string[] RootKeys = ["agentId", "broker", "journal", "reflector", "defaults", "targets", "bandwidth", "hostCommands"];
    private static readonly string[] ReflectorKeys = ["listen", "kernelTimestamps"];

    /// <summary>Loads and validates <paramref name="path"/>; relative paths inside resolve against its directory.</summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="environment">Reads environment variables (default <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="AgentException">The file cannot be read or is not a valid configuration.</exception>
    public static AgentConfig Load(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = ConfigDocument.ReadText(path, "agent configuration", Fail);
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, environment);
    }

    /// <summary>Validates configuration text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="AgentException">The text is not a valid configuration.</exception>
    public static AgentConfig Parse(string yaml, string sourceName, string baseDirectory, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var source = new ConfigSource(sourceName, baseDirectory, Fail);
        var root = ConfigDocument.Read(source, yaml, "agentId, broker and journal are required");
        var map = ConfigMap.Open(source, root, string.Empty, RootKeys);

        string agentId = map.RequiredString("agentId");
        if (!TopicScheme.IsValidAgentId(agentId))
        {
            throw source.Error(map.Required("agentId"), "agentId", $"'{agentId}' is not usable as an MQTT topic level (1-{TopicScheme.MaxAgentIdLength} characters, no '/', '+', '#', whitespace or control characters)");
        }

        var broker = BrokerSection.Read(ConfigMap.Open(source, map.Required("broker"), "broker", BrokerSection.Keys), environment ?? Environment.GetEnvironmentVariable);
        string journal = source.ResolvePath(map.RequiredString("journal"));
        var reflector = map.Node("reflector") is { } r ? ReadReflector(ConfigMap.Open(source, r, "reflector", ReflectorKeys)) : null;
        var defaults = map.Node("defaults") is { } d ? ProbeSection.Read(ConfigMap.Open(source, d, "defaults", ProbeSection.DefaultsKeys), new ProbeSettings()) : new ProbeSettings();
        var targets = TargetSection.ReadAll(map, defaults);
        var bandwidth = map.Node("bandwidth") is { } b ? BandwidthSection.Read(ConfigMap.Open(source, b, "bandwidth", BandwidthSection.Keys), targets) : null;
        var hostCommands = map.Node("hostCommands") is { } h ? HostCommandsSection.Read(ConfigMap.Open(source, h, "hostCommands", HostCommandsSection.Keys)) : null;
        return new AgentConfig { AgentId = agentId, Broker = broker, JournalDirectory = journal, Reflector = reflector, Defaults = defaults, Targets = targets, Bandwidth = bandwidth, HostCommands = hostCommands };
    }

    private static ReflectorConfig ReadReflector(ConfigMap map) =>
        new(Endpoints.Listen(map, "listen"), map.OptionalBool("kernelTimestamps") ?? true);

    private static AgentException Fail(string message, Exception? inner) => new(message, inner);
}
