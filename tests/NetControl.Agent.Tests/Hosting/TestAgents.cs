using System.Net;
using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;

namespace NetControl.Agent.Tests.Hosting;

/// <summary>Agent configurations and host options for loopback tests: short intervals, temporary journals.</summary>
internal static class TestAgents
{
    public static readonly ProbeSettings FastProbe = new()
    {
        Interval = TimeSpan.FromMilliseconds(20),
        ReportingInterval = TimeSpan.FromMilliseconds(500),
        Tmax = TimeSpan.FromMilliseconds(500),
    };

    public static readonly AgentHostOptions FastHost = new()
    {
        RestartMinDelay = TimeSpan.FromMilliseconds(50),
        RestartMaxDelay = TimeSpan.FromMilliseconds(200),
        FlushTimeout = TimeSpan.FromSeconds(10),
        FsyncEachAppend = false,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public static AgentConfig Config(string agentId, string secret, int brokerPort, bool reflector, params TargetConfig[] targets) => new()
    {
        AgentId = agentId,
        Broker = new BrokerConfig { Host = "127.0.0.1", Port = brokerPort, Secret = secret, SecretSource = "test" },
        JournalDirectory = Directory.CreateTempSubdirectory($"agent-{agentId}-").FullName,
        Reflector = reflector ? new ReflectorConfig(new IPEndPoint(IPAddress.Loopback, 0)) : null,
        Defaults = FastProbe,
        Targets = targets,
    };

    public static TargetConfig Target(string id, IPEndPoint address, string? link) => new(id, new HostPort(address.Address.ToString(), address.Port), link, FastProbe);

    public static TargetConfig Target(string id, string host, int port) => new(id, new HostPort(host, port), null, FastProbe);
}
