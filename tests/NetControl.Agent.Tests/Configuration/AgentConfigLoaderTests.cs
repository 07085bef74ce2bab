using System.Net;
using NetControl.Agent.Configuration;

namespace NetControl.Agent.Tests.Configuration;

public sealed class AgentConfigLoaderTests
{
    private const string Good = """
        agentId: gva-probe
        broker:
          host: broker.example.net
          port: 8883
          secret: s3cret-value
        journal: journal
        reflector:
          listen: 0.0.0.0:862
        defaults:
          intervalMs: 50
          reportingIntervalMs: 5000
          tmaxMs: 2000
          packetSize: 64
        targets:
          - id: ams
            address: 192.0.2.10:862
            link: GVA-AMS
          - id: nyc
            address: nyc-reflector.example.net:8620
            intervalMs: 200
            packetSize: 128
            ssid: 7
        """;

    private static AgentConfig Parse(string yaml, Func<string, string?>? environment = null) =>
        AgentConfigLoader.Parse(yaml, "agent.yaml", "/etc/netcontrol", environment ?? (_ => null));

    private static string Error(string yaml, Func<string, string?>? environment = null) =>
        Assert.Throws<AgentException>(() => Parse(yaml, environment)).Message;

    [Fact]
    public void Parse_GoodFile_ReadsEverySection()
    {
        var config = Parse(Good);

        Assert.Equal("gva-probe", config.AgentId);
        Assert.Equal("broker.example.net", config.Broker.Host);
        Assert.Equal(8883, config.Broker.Port);
        Assert.Equal("s3cret-value", config.Broker.Secret);
        Assert.Equal("broker.secret", config.Broker.SecretSource);
        Assert.Equal(Path.GetFullPath("/etc/netcontrol/journal"), config.JournalDirectory);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 862), config.Reflector!.Listen);
        Assert.Equal(TimeSpan.FromMilliseconds(50), config.Defaults.Interval);
        Assert.Equal(2, config.Targets.Count);

        var ams = config.Targets[0];
        Assert.Equal(("ams", "192.0.2.10", 862, "GVA-AMS"), (ams.Id, ams.Address.Host, ams.Address.Port, ams.LinkId));
        Assert.Equal(TimeSpan.FromMilliseconds(50), ams.Probe.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), ams.Probe.ReportingInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), ams.Probe.Tmax);
        Assert.Equal(64, ams.Probe.PacketSize);
        Assert.Equal(1, ams.Probe.Ssid);

        var nyc = config.Targets[1];
        Assert.Equal(("nyc-reflector.example.net", 8620), (nyc.Address.Host, nyc.Address.Port));
        Assert.Null(nyc.LinkId);
        Assert.Equal(TimeSpan.FromMilliseconds(200), nyc.Probe.Interval);
        Assert.Equal(128, nyc.Probe.PacketSize);
        Assert.Equal(7, nyc.Probe.Ssid);
        Assert.Equal(TimeSpan.FromSeconds(5), nyc.Probe.ReportingInterval);
    }

    [Fact]
    public void Parse_MinimalFile_AppliesDefaults()
    {
        var config = Parse("agentId: a1\nbroker: {secret: x}\njournal: /var/lib/a1\n");

        Assert.Equal(("127.0.0.1", 1883), (config.Broker.Host, config.Broker.Port));
        Assert.Null(config.Reflector);
        Assert.Empty(config.Targets);
        Assert.Equal(new ProbeSettings(), config.Defaults);
    }

    [Fact]
    public void ToString_BrokerConfig_NeverShowsTheSecret()
    {
        var config = Parse(Good);

        Assert.DoesNotContain("s3cret-value", config.Broker.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecretFromEnvironment_UsedWhenTheFileHasNone()
    {
        var config = Parse("agentId: a1\nbroker: {host: 10.0.0.1}\njournal: j\n", name => name == AgentConfigLoader.SecretEnvironmentVariable ? "from-env" : null);

        Assert.Equal("from-env", config.Broker.Secret);
        Assert.Equal(AgentConfigLoader.SecretEnvironmentVariable, config.Broker.SecretSource);
    }

    [Fact]
    public void Load_SecretFile_ReadRelativeToTheConfigFile()
    {
        string dir = Directory.CreateTempSubdirectory("agent-config-").FullName;
        File.WriteAllText(Path.Combine(dir, "secret.txt"), "file-secret\n");
        string path = Path.Combine(dir, "agent.yaml");
        File.WriteAllText(path, "agentId: a1\nbroker:\n  secretFile: secret.txt\njournal: j\n");

        var config = AgentConfigLoader.Load(path, _ => null);

        Assert.Equal("file-secret", config.Broker.Secret);
        Assert.Equal(Path.Combine(dir, "j"), config.JournalDirectory);
    }

    [Fact]
    public void Load_MissingFile_OneLineError()
    {
        var ex = Assert.Throws<AgentException>(() => AgentConfigLoader.Load("/nonexistent/agent.yaml", _ => null));

        Assert.StartsWith("/nonexistent/agent.yaml: cannot read the agent configuration", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t1\n    address: foo\n", "agent.yaml:6:14: targets[0].address: 'foo' is not host:port")]
    [InlineData("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t1\n    address: 10.0.0.1:0\n", "agent.yaml:6:14: targets[0].address: '10.0.0.1:0' is not host:port")]
    [InlineData("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t1\n    address: 10.0.0.1:99999\n", "agent.yaml:6:14: targets[0].address: '10.0.0.1:99999' is not host:port")]
    [InlineData("agentId: a1\nbroker: {secret: x}\njournal: j\nreflector: {listen: 'localhost:862'}\n", "agent.yaml:4:21: reflector.listen: 'localhost:862' is not an IP address and UDP port (e.g. 0.0.0.0:862)")]
    public void Parse_BadAddress_NamesLineColumnAndPath(string yaml, string expected) => Assert.Equal(expected, Error(yaml));

    [Fact]
    public void Parse_UnknownKey_Rejected() =>
        Assert.Equal("agent.yaml:3:3: broker.hots: unknown key (expected one of host, port, secret, secretFile, secretEnv)", Error("agentId: a1\nbroker:\n  hots: x\n  secret: y\njournal: j\n"));

    [Fact]
    public void Parse_UnknownTopLevelKey_Rejected() =>
        Assert.StartsWith("agent.yaml:4:1: probes: unknown key", Error("agentId: a1\nbroker: {secret: x}\njournal: j\nprobes: {}\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_MissingAgentId_Rejected() =>
        Assert.Equal("agent.yaml:1:1: agentId: is required", Error("broker: {secret: x}\njournal: j\n"));

    [Fact]
    public void Parse_MissingTargetAddress_Rejected() =>
        Assert.Equal("agent.yaml:5:5: targets[0].address: is required", Error("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t1\n"));

    [Fact]
    public void Parse_EmptyRequiredValue_Rejected() =>
        Assert.Equal("agent.yaml:3:1: journal: is required", Error("agentId: a1\nbroker: {secret: x}\njournal:\n"));

    [Fact]
    public void Parse_DuplicateTargetId_Rejected() =>
        Assert.Equal(
            "agent.yaml:7:9: targets[1].id: duplicate target id 't1' (also targets[0])",
            Error("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets:\n  - id: t1\n    address: 10.0.0.1:862\n  - id: t1\n    address: 10.0.0.2:862\n"));

    [Theory]
    [InlineData("  intervalMs: fast\n", "agent.yaml:5:15: defaults.intervalMs: 'fast' is not an integer")]
    [InlineData("  intervalMs: 0\n", "agent.yaml:5:15: defaults.intervalMs: must be between 1 and 3600000, got 0")]
    [InlineData("  packetSize: 20\n", "agent.yaml:5:15: defaults.packetSize: must be between 44 and 65507, got 20")]
    [InlineData("  tmaxMs: 1.5\n", "agent.yaml:5:11: defaults.tmaxMs: '1.5' is not an integer")]
    [InlineData("  kernelTimestamps: maybe\n", "agent.yaml:5:21: defaults.kernelTimestamps: 'maybe' is not true or false")]
    [InlineData("  intervalMs: 500\n  reportingIntervalMs: 100\n", "agent.yaml:6:24: defaults.reportingIntervalMs: the reporting interval (100 ms) is shorter than the packet interval (500 ms)")]
    public void Parse_BadNumber_Rejected(string defaults, string expected) =>
        Assert.Equal(expected, Error("agentId: a1\nbroker: {secret: x}\njournal: j\ndefaults:\n" + defaults));

    [Fact]
    public void Parse_TargetOverrideBelowReportingInterval_BlamesTheTarget() =>
        Assert.Equal(
            "agent.yaml:7:17: targets[0].intervalMs: the reporting interval (1000 ms) is shorter than the packet interval (2000 ms)",
            Error("agentId: a1\nbroker: {secret: x}\njournal: j\ndefaults: {reportingIntervalMs: 1000}\ntargets:\n  - address: 10.0.0.1:862\n    intervalMs: 2000\n    id: t1\n"));

    [Fact]
    public void Parse_BadPortNumber_Rejected() =>
        Assert.Equal("agent.yaml:2:16: broker.port: must be between 1 and 65535, got 70000", Error("agentId: a1\nbroker: {port: 70000, secret: x}\njournal: j\n"));

    [Fact]
    public void Parse_BadYaml_OneLineWithPosition()
    {
        string message = Error("agentId: a1\nbroker: {secret: x\njournal: j\n");

        Assert.StartsWith("agent.yaml:", message, StringComparison.Ordinal);
        Assert.Contains(": invalid YAML: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Idx:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_Rejected() => Assert.StartsWith("agent.yaml:", Error(string.Empty), StringComparison.Ordinal);

    [Fact]
    public void Parse_NotAMapping_Rejected() =>
        Assert.Equal("agent.yaml:1:1: expected a mapping of agentId, broker, journal, reflector, defaults, targets, bandwidth, hostCommands", Error("- a\n- b\n"));

    [Fact]
    public void Parse_TargetsNotAList_Rejected() =>
        Assert.Equal("agent.yaml:4:10: targets: expected a list", Error("agentId: a1\nbroker: {secret: x}\njournal: j\ntargets: t1\n"));

    [Fact]
    public void Parse_InvalidAgentId_Rejected() =>
        Assert.StartsWith("agent.yaml:1:10: agentId: 'a/b' is not usable as an MQTT topic level", Error("agentId: a/b\nbroker: {secret: x}\njournal: j\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_NoSecretAnywhere_Rejected() =>
        Assert.Equal("agent.yaml:2:9: broker: no secret: set broker.secret, broker.secretFile, broker.secretEnv or the NETCONTROL_AGENT_SECRET environment variable", Error("agentId: a1\nbroker: {host: h}\njournal: j\n"));

    [Fact]
    public void Parse_SecretAndSecretFile_Rejected()
    {
        string message = Error("agentId: a1\nbroker: {secret: hunter2, secretFile: s.txt}\njournal: j\n");

        Assert.Equal("agent.yaml:2:39: broker.secretFile: give only one of secret, secretFile, secretEnv", message);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreadableSecretFile_Rejected() =>
        Assert.StartsWith("agent.yaml:2:22: broker.secretFile: cannot read '", Error("agentId: a1\nbroker: {secretFile: /nonexistent/secret}\njournal: j\n"), StringComparison.Ordinal);

    [Fact]
    public void Parse_DuplicateKey_Rejected() =>
        Assert.StartsWith("agent.yaml:2:1: invalid YAML: ", Error("agentId: a1\nagentId: a2\nbroker: {secret: x}\njournal: j\n"), StringComparison.Ordinal);
}
