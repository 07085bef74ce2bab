using NetControl.Controller.Hosting;
using NetControl.Formats;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>
/// Reads a controller configuration file (see <c>controller.example.yaml</c> beside this project) into
/// <see cref="ControllerOptions"/>: listen address, topology, database, API tokens, switches, SNMP traps, timeouts
/// and probe telemetry. Secrets (tokens, TL1 and SSH passwords, SNMP communities, MQTT secrets) come inline, from a
/// file or from an environment variable, and no message ever shows one. Every problem is one
/// <see cref="ControllerConfigException"/> saying <c>FILE:LINE:COLUMN: PATH: problem</c>; relative paths resolve
/// against the file's directory; the topology files are loaded and every device must be a node of the topology.
/// Nothing is returned unless the whole file is valid.
/// </summary>
public static class ControllerConfigLoader
{
    private static readonly string[] RootKeys = ["listen", "topology", "database", "tokens", "devices", "snmpTraps", "timeouts", "telemetry", "hosts"];
    private static readonly string[] TrapKeys = ["listen", "address"];
    private static readonly string[] TimeoutKeys = ["deviceConnectSeconds", "deviceCommandSeconds", "powerPollSeconds", "utilisationPollSeconds"];

    /// <summary>Loads and validates <paramref name="path"/>.</summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="environment">Reads environment variables (default <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="ControllerConfigException">The file cannot be read or is not a valid configuration.</exception>
    public static ControllerOptions Load(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = ConfigDocument.ReadText(path, "controller configuration", Fail);
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, environment);
    }

    /// <summary>Validates configuration text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ControllerConfigException">The text is not a valid configuration.</exception>
    public static ControllerOptions Parse(string yaml, string sourceName, string baseDirectory, Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var source = new ConfigSource(sourceName, baseDirectory, Fail);
        var map = ConfigMap.Open(source, ConfigDocument.Read(source, yaml, "topology is required"), string.Empty, RootKeys);

        string listen = map.OptionalString("listen") ?? new ControllerOptions().Listen;
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var listenUri) || listenUri.Scheme is not ("http" or "https"))
        {
            throw source.Error(map.Required("listen"), "listen", $"'{listen}' is not an http:// or https:// URL");
        }

        var (topologyPath, topology) = ConfigTopology.Load(map, "topology");
        var tokens = TokenSection.ReadAll(map, env);
        var devices = DeviceSection.ReadAll(map, topology, env);
        var traps = map.Node("snmpTraps") is { } t ? ConfigMap.Open(source, t, "snmpTraps", TrapKeys) : null;
        var timeouts = map.Node("timeouts") is { } tm ? ConfigMap.Open(source, tm, "timeouts", TimeoutKeys) : null;
        var defaults = new ControllerOptions();
        return new ControllerOptions
        {
            Listen = listen,
            TopologyPath = topologyPath,
            Topology = topology,
            DatabasePath = map.OptionalString("database") is { } db ? source.ResolvePath(db) : null,
            Tokens = tokens,
            Devices = devices,
            SnmpTrapListen = traps?.OptionalInt("listen", 1, 65535),
            SnmpTrapAddress = traps?.OptionalString("address") ?? defaults.SnmpTrapAddress,
            DeviceConnectTimeout = Seconds(timeouts, "deviceConnectSeconds") ?? defaults.DeviceConnectTimeout,
            DeviceCommandTimeout = Seconds(timeouts, "deviceCommandSeconds") ?? defaults.DeviceCommandTimeout,
            PowerPollInterval = Seconds(timeouts, "powerPollSeconds") ?? defaults.PowerPollInterval,
            UtilisationPollInterval = Seconds(timeouts, "utilisationPollSeconds") ?? defaults.UtilisationPollInterval,
            Telemetry = map.Node("telemetry") is { } telemetry ? TelemetrySection.Read(ConfigMap.Open(source, telemetry, "telemetry", TelemetrySection.Keys), env) : null,
            Hosts = map.Node("hosts") is { } hosts ? HostsSection.Read(ConfigMap.Open(source, hosts, "hosts", HostsSection.Keys), topology, env) : null,
        };
    }

    private static TimeSpan? Seconds(ConfigMap? map, string key) =>
        map?.OptionalInt(key, 1, 3600) is int seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static ControllerConfigException Fail(string message, Exception? inner) => new(message, inner);
}
