using NetControl.Controller.Hosting;
using NetControl.Core.Topology;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>
/// Reads <c>devices</c>: each switch by its topology node id, TL1 dialect, transport (tcp or ssh), address, TL1
/// user and password, optional SSH and SNMP settings. Names must be switch nodes of the topology and unique.
/// </summary>
internal static class DeviceSection
{
    private static readonly string[] Keys = ["name", "dialect", "transport", "host", "port", "user", "ssh", "snmp", .. ConfigSecret.Keys("password")];
    private static readonly string[] SshKeys = ["user", "privateKey", "knownHostSha256", "targetHost", "targetPort", .. ConfigSecret.Keys("password")];
    private static readonly string[] SnmpKeys = ["port", .. ConfigSecret.Keys("community")];

    public static IReadOnlyList<DeviceEndpoint> ReadAll(ConfigMap root, NetworkTopology topology, Func<string, string?> environment)
    {
        var devices = new List<DeviceEndpoint>();
        var items = root.Sequence("devices");
        for (int i = 0; i < items.Count; i++)
        {
            var device = Read(ConfigMap.Open(root.Source, items[i], $"devices[{i}]", Keys), topology, environment);
            if (devices.Any(d => d.Name == device.Name))
            {
                throw root.Source.Error(items[i], $"devices[{i}].name", $"device '{device.Name}' is already defined");
            }

            devices.Add(device);
        }

        return devices;
    }

    private static DeviceEndpoint Read(ConfigMap map, NetworkTopology topology, Func<string, string?> environment)
    {
        var source = map.Source;
        string name = map.RequiredString("name");
        if (!topology.TryGetNode(name, out var node) || node.Kind != NodeKind.OpticalSwitch)
        {
            throw source.Error(map.Required("name"), map.Child("name"), $"'{name}' is not an optical switch of topology '{topology.Name}'");
        }

        string dialectText = map.RequiredString("dialect");
        if (!DeviceDialectNames.TryParse(dialectText, out var dialect))
        {
            throw source.Error(map.Required("dialect"), map.Child("dialect"), $"'{dialectText}' is not a TL1 dialect (glimmerglass or calient)");
        }

        var transport = (map.OptionalString("transport") ?? "tcp") switch
        {
            "tcp" => DeviceTransport.Tcp,
            "ssh" => DeviceTransport.Ssh,
            var other => throw source.Error(map.Required("transport"), map.Child("transport"), $"'{other}' is not a transport (tcp or ssh)"),
        };
        string host = map.RequiredString("host");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw source.Error(map.Required("host"), map.Child("host"), $"'{host}' is not a host name or IP address");
        }

        int port = map.OptionalInt("port", 1, 65535) ?? throw source.Error(map.Start, map.Child("port"), "is required");
        var (password, _) = ConfigSecret.Read(map, "password", environment)
            ?? throw source.Error(map.Start, map.Path, "no TL1 password: set password, passwordFile or passwordEnv");
        var ssh = map.Node("ssh") is { } s ? ReadSsh(ConfigMap.Open(source, s, map.Child("ssh"), SshKeys), environment) : null;
        if (transport == DeviceTransport.Ssh && ssh is null)
        {
            throw source.Error(map.Start, map.Child("ssh"), "is required with transport ssh");
        }

        var snmp = map.Node("snmp") is { } n ? ReadSnmp(ConfigMap.Open(source, n, map.Child("snmp"), SnmpKeys), environment) : null;
        return new DeviceEndpoint
        {
            Name = name,
            Dialect = dialect,
            Transport = transport,
            Host = host,
            Port = port,
            UserName = map.RequiredString("user"),
            Password = password,
            Ssh = ssh,
            Snmp = snmp,
        };
    }

    private static SshEndpoint ReadSsh(ConfigMap map, Func<string, string?> environment)
    {
        string? key = map.OptionalString("privateKey") is { } k ? map.Source.ResolvePath(k) : null;
        string? password = ConfigSecret.Read(map, "password", environment)?.Secret;
        if (key is null && password is null)
        {
            throw map.Source.Error(map.Start, map.Path, "give privateKey or a password (password, passwordFile or passwordEnv)");
        }

        string? pin = map.OptionalString("knownHostSha256");
        if (pin is not null && !pin.StartsWith("SHA256:", StringComparison.Ordinal))
        {
            throw map.Source.Error(map.Required("knownHostSha256"), map.Child("knownHostSha256"), "must start with 'SHA256:' (as ssh-keygen -lf prints it)");
        }

        return new SshEndpoint
        {
            UserName = map.RequiredString("user"),
            PrivateKeyPath = key,
            Password = password,
            KnownHostSha256 = pin,
            TargetHost = map.OptionalString("targetHost") ?? "127.0.0.1",
            TargetPort = map.OptionalInt("targetPort", 1, 65535) ?? throw map.Source.Error(map.Start, map.Child("targetPort"), "is required"),
        };
    }

    private static SnmpEndpoint ReadSnmp(ConfigMap map, Func<string, string?> environment) => new()
    {
        Port = map.OptionalInt("port", 1, 65535) ?? 161,
        Community = ConfigSecret.Read(map, "community", environment)?.Secret ?? "public",
    };
}
