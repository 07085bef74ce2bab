using NetControl.Controller.Configuration;
using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.Configuration;

/// <summary>The controller configuration file: the shipped example, every section, and one-line errors that say where.</summary>
public sealed class ControllerConfigLoaderTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["NETCONTROL_TL1_PASSWORD"] = "tl1-hunter2",
        ["NETCONTROL_OPERATOR_TOKEN"] = "op-hunter2",
        ["NETCONTROL_ADMIN_TOKEN"] = "admin-hunter2",
        ["NETCONTROL_MQTT_SECRET"] = "mqtt-hunter2",
    };

    private static string Root => SharedDataPath.RepositoryRoot();

    [Fact]
    public void Load_ShippedExample_ConfiguresEverySection()
    {
        string path = Path.Combine(Root, "src", "NetControl.Controller", "controller.example.yaml");

        var options = ControllerConfigLoader.Load(path, Env);

        Assert.Equal("http://127.0.0.1:8080", options.Listen);
        Assert.Equal("USLHCnet", options.Topology!.Name);
        Assert.Equal(Path.Combine(Root, "topology", "uslhcnet.yaml"), options.TopologyPath);
        Assert.Equal(Path.Combine(Root, "src", "NetControl.Controller", "controller.db"), options.DatabasePath);
        Assert.Equal(
            [("fdt-transfers", ApiRole.Operator, "op-hunter2"), ("noc", ApiRole.Admin, "admin-hunter2"), ("dashboard", ApiRole.Viewer, "change-me-viewer")],
            options.Tokens.Select(t => (t.Name, t.Role, t.Token)));
        Assert.Equal(["GVA-GG", "AMS-GG", "NYC-GG", "CHI-PXC", "CIT-PXC"], options.Devices.Select(d => d.Name));
        Assert.Equal(Tl1Dialect.Calient, options.Devices[4].Dialect);
        Assert.Equal(10037, options.Devices[4].Port);
        Assert.All(options.Devices, d => Assert.Equal("tl1-hunter2", d.Password));
        Assert.Equal(TimeSpan.FromSeconds(2), options.PowerPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.UtilisationPollInterval);
        var telemetry = options.Telemetry!;
        Assert.True(telemetry.EmbeddedBroker);
        Assert.Equal("mqtt-hunter2", telemetry.ControllerSecret);
        Assert.Equal("change-me-cern", telemetry.AgentSecrets["cern"]);
        Assert.Null(telemetry.Overlay);
    }

    [Fact]
    public void Parse_SshDeviceAndTraps_ReadsThem()
    {
        var options = Parse(Base + """
            devices:
              - name: CIT-PXC
                dialect: calient
                transport: ssh
                host: 127.0.0.1
                port: 2222
                user: netctl
                password: sekrit
                ssh: {user: tl1, privateKey: keys/cit, knownHostSha256: "SHA256:abc", targetPort: 3082}
                snmp: {port: 16100, communityEnv: NETCONTROL_TL1_PASSWORD}
            snmpTraps: {listen: 1162}
            """);

        var device = Assert.Single(options.Devices);
        Assert.Equal(DeviceTransport.Ssh, device.Transport);
        Assert.Equal("/etc/netcontrol/keys/cit", device.Ssh!.PrivateKeyPath);
        Assert.Equal(3082, device.Ssh.TargetPort);
        Assert.Equal("tl1-hunter2", device.Snmp!.Community);
        Assert.Equal(1162, options.SnmpTrapListen);
        Assert.DoesNotContain("sekrit", device.ToString() + device.Ssh, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UtilisationPollSeconds_SetsTheUtilisationPollInterval()
    {
        var options = Parse(Base + "timeouts: {utilisationPollSeconds: 1}\n");

        Assert.Equal(TimeSpan.FromSeconds(1), options.UtilisationPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PowerPollInterval);
    }

    [Theory]
    [InlineData("listen: ftp://x\n", "c.yaml:1:9: listen: 'ftp://x' is not an http:// or https:// URL")]
    [InlineData("toplogy: x\n", "c.yaml:1:1: toplogy: unknown key (expected one of listen, topology, database, tokens, devices, snmpTraps, timeouts, telemetry, hosts)")]
    [InlineData("devices: []\n", "c.yaml:1:1: topology: is required")]
    [InlineData("tokens:\n  - {name: a, role: root, token: t}\n", "c.yaml:3:21: tokens[0].role: 'root' is not a role (viewer, operator or admin)")]
    [InlineData("tokens:\n  - {name: a, role: viewer, token: t}\n  - {name: a, role: admin, token: u}\n", "c.yaml:4:12: tokens[1].name: a token named 'a' is already defined")]
    [InlineData("tokens:\n  - {name: a, role: viewer, tokenEnv: NOPE}\n", "c.yaml:3:39: tokens[0].tokenEnv: the environment variable NOPE is not set")]
    [InlineData("tokens:\n  - {name: a, role: viewer, token: t, tokenFile: f}\n", "c.yaml:3:50: tokens[0].tokenFile: give only one of token, tokenFile, tokenEnv")]
    [InlineData("devices:\n  - {name: CERN, dialect: calient, host: h, port: 1, user: u, password: p}\n", "c.yaml:3:12: devices[0].name: 'CERN' is not an optical switch of topology 'USLHCnet'")]
    [InlineData("devices:\n  - {name: GVA-GG, dialect: cisco, host: h, port: 1, user: u, password: p}\n", "c.yaml:3:29: devices[0].dialect: 'cisco' is not a TL1 dialect (glimmerglass or calient)")]
    [InlineData("devices:\n  - {name: GVA-GG, dialect: calient, host: h, port: 70000, user: u, password: p}\n", "c.yaml:3:53: devices[0].port: must be between 1 and 65535, got 70000")]
    [InlineData("devices:\n  - {name: GVA-GG, dialect: calient, host: h, port: 1, user: u}\n", "c.yaml:3:5: devices[0]: no TL1 password: set password, passwordFile or passwordEnv")]
    [InlineData("devices:\n  - {name: GVA-GG, dialect: calient, transport: ssh, host: h, port: 1, user: u, password: p}\n", "c.yaml:3:5: devices[0].ssh: is required with transport ssh")]
    [InlineData("timeouts: {deviceCommandSeconds: 0}\n", "c.yaml:2:34: timeouts.deviceCommandSeconds: must be between 1 and 3600, got 0")]
    [InlineData("telemetry: {embeddedBroker: true}\n", "c.yaml:2:12: telemetry: no controller MQTT secret: set controllerSecret, controllerSecretFile or controllerSecretEnv")]
    public void Parse_Invalid_OneLineErrorSaysWhere(string extra, string expected)
    {
        string yaml = extra.StartsWith("listen", StringComparison.Ordinal) || extra.StartsWith("toplogy", StringComparison.Ordinal) || extra.StartsWith("devices: []", StringComparison.Ordinal)
            ? extra
            : Base + extra;

        var ex = Assert.Throws<ControllerConfigException>(() => Parse(yaml));

        Assert.Equal(expected, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_Hosts_ReadsKeyAndEndpoints()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var env = new Dictionary<string, string> { ["SIGNING_KEY"] = key.ExportECPrivateKeyPem() };

        var options = ControllerConfigLoader.Parse(
            Base + "hosts:\n  signingKeyEnv: SIGNING_KEY\n  endpoints:\n    - {host: cern-fdt, agent: cern-agent, device: eth2, vlan: true}\n  mtu: 8000\n",
            "c.yaml",
            "/etc/netcontrol",
            n => env.GetValueOrDefault(n));

        var hosts = options.Hosts!;
        Assert.Equal(new NetControl.Controller.Hosts.HostEndpoint("cern-agent", "eth2", Vlan: true), hosts.Endpoints["cern-fdt"]);
        Assert.Equal(8000, hosts.Mtu);
        Assert.Equal("cubic", hosts.CongestionControl);
    }

    [Theory]
    [InlineData("hosts:\n  signingKey: not-a-key\n", "c.yaml:3:3: hosts: the signing key is not a PEM ECDSA private key")]
    [InlineData("hosts:\n  endpoints: []\n", "c.yaml:3:3: hosts: no signing key")]
    public void Parse_BadHosts_SaysWhere(string section, string expectedStart)
    {
        var ex = Assert.Throws<ControllerConfigException>(() => Parse(Base + section));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadTopologyFile_FailsAtTheKey()
    {
        var ex = Assert.Throws<ControllerConfigException>(() => Parse("topology: /nonexistent/net.yaml\n"));

        Assert.StartsWith("c.yaml:1:11: topology: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/net.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecretsInErrors_NeverShown()
    {
        var ex = Assert.Throws<ControllerConfigException>(() => Parse(Base + "devices:\n  - {name: GVA-GG, dialect: calient, host: h, port: 1, user: u, password: sw0rdfish, passwordEnv: X}\n"));

        Assert.DoesNotContain("sw0rdfish", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var ex = Assert.Throws<ControllerConfigException>(() => ControllerConfigLoader.Load("/nonexistent/controller.yaml", Env));

        Assert.StartsWith("/nonexistent/controller.yaml: cannot read the controller configuration", ex.Message, StringComparison.Ordinal);
    }

    private static string Base => $"topology: {Path.Combine(Root, "topology", "uslhcnet.yaml")}\n";

    private static string? Env(string name) => Environment.GetValueOrDefault(name);

    private static ControllerOptions Parse(string yaml) => ControllerConfigLoader.Parse(yaml, "c.yaml", "/etc/netcontrol", Env);
}
