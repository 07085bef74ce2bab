using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NetControl.Agent.HostCommands;
using NetControl.Controller.Hosts;
using NetControl.Controller.Telemetry;
using NetControl.Controller.Tests.Support;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Connection;
using NetControl.Messaging.StoreAndForward;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// A lightpath that asks for its end hosts to be configured: the controller (optical simulator, embedded broker)
/// signs host commands to two agents whose hosts are network namespaces joined by veth (the transfer network); the
/// lightpath becomes Active only once both are configured, traffic flows between the lightpath addresses, and
/// release restores both namespaces exactly. An end host whose agent does not answer fails the lightpath with that
/// cause, its cross-connects removed and the other host rolled back.
/// </summary>
public sealed class HostsEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly string _a = $"nce-{Guid.NewGuid().ToString("N")[..7]}a";
    private readonly string _dir = Directory.CreateTempSubdirectory("hosts-e2e-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly List<AgentPublisher> _agents = [];
    private SimulatedController _net = null!;

    private string B => _a[..^1] + "b";

    public async Task InitializeAsync()
    {
        foreach (string ns in new[] { _a, B })
        {
            await Tools.RunAsync("ip", "netns", "add", ns);
            await Tools.RunAsync("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        }

        await Tools.RunAsync("ip", "link", "add", "vha", "netns", _a, "type", "veth", "peer", "name", "vhb", "netns", B);
        await Tools.RunAsync("ip", "netns", "exec", _a, "ip", "link", "set", "dev", "vha", "up");
        await Tools.RunAsync("ip", "netns", "exec", B, "ip", "link", "set", "dev", "vhb", "up");
        foreach (var (ns, dev) in new[] { (_a, "vha"), (B, "vhb") })
        {
            // Snapshots compare link flags: wait until the carrier is up on both ends.
            await Eventually.TrueAsync(async () => (await Tools.RunAsync("ip", "netns", "exec", ns, "ip", "link", "show", "dev", dev)).Contains("LOWER_UP", StringComparison.Ordinal), Wait);
        }
        _net = await SimulatedController.StartAsync(
            telemetry: new TelemetryOptions
            {
                BrokerPort = 0,
                AgentSecrets = new Dictionary<string, string> { ["cern-agent"] = "secret-a", ["caltech-agent"] = "secret-b" },
                ControllerSecret = "controller-secret",
            },
            hosts: new HostsOptions
            {
                SigningKeyPem = _key.ExportECPrivateKeyPem(),
                Endpoints = new Dictionary<string, HostEndpoint> { ["cern-fdt"] = new("cern-agent", "vha"), ["caltech-fdt"] = new("caltech-agent", "vhb") },
                SocketMaximums = false, // read-only inside a network namespace on this kernel
                CongestionControl = "reno", // a child namespace may set only net.ipv4.tcp_allowed_congestion_control
                CommandTimeout = TimeSpan.FromSeconds(5),
            });
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync();
        }

        await _net.DisposeAsync();
        await Tools.RunAsync("ip", "netns", "del", _a);
        await Tools.RunAsync("ip", "netns", "del", B);
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Lightpath_ConfigureHosts_ActiveWithHostsConfiguredAndReleaseRestoresThem()
    {
        var (id, active, beforeA, beforeB) = await ActiveWithBothAgentsAsync();
        Assert.True(active.GetProperty("configureHosts").GetBoolean());
        Assert.Contains(active.GetProperty("history").EnumerateArray(), t => t.GetProperty("cause").GetString()!.Contains("both end hosts configured", StringComparison.Ordinal));

        // lp-N gets the N-th /30 of 10.250.0.0/16: .1 at cern-fdt, .2 at caltech-fdt, MTU 9000, a table and rule of its own.
        int n = int.Parse(id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        string self = $"10.250.{n * 4 / 256}.{(n * 4 % 256) + 1}", peer = $"10.250.{n * 4 / 256}.{(n * 4 % 256) + 2}";
        Assert.Contains($"inet {self}/30", await Tools.RunAsync("ip", "netns", "exec", _a, "ip", "addr", "show", "dev", "vha"), StringComparison.Ordinal);
        Assert.Contains("mtu 9000", await Tools.RunAsync("ip", "netns", "exec", B, "ip", "link", "show", "dev", "vhb"), StringComparison.Ordinal);
        Assert.Contains($"from {self} lookup {1000 + n}", await Tools.RunAsync("ip", "netns", "exec", _a, "ip", "rule", "show"), StringComparison.Ordinal);
        Assert.Contains("3 received", await Tools.RunAsync("ip", "netns", "exec", _a, "ping", "-c", "3", "-i", "0.2", "-W", "5", "-I", self, peer), StringComparison.Ordinal);

        await ReleaseAndCheckRestoredAsync(id, beforeA, beforeB);
    }

    [Fact]
    public async Task Lightpath_ConfigureHostsMovedByACut_TcpBuffersSizedForTheNewPathAndReleaseRestoresThem()
    {
        var (id, active, beforeA, beforeB) = await ActiveWithBothAgentsAsync("restorable");
        string sizedFirst = await TcpRmemAsync(_a);
        Assert.Equal(Expected(active), sizedFirst);

        // Cut a trunk of its path: the lightpath moves to a path of another length, and the hosts follow.
        var topology = ApiHarness.UsLhcNet;
        string cut = active.GetProperty("working").GetProperty("links").EnumerateArray().Select(l => l.GetString()!)
            .First(l => topology.GetLink(l) is var link && topology.GetNode(link.A.Node).Kind == Core.Topology.NodeKind.OpticalSwitch && topology.GetNode(link.B.Node).Kind == Core.Topology.NodeKind.OpticalSwitch);
        _net.Simulator.Network.Faults.CutLink(cut);
        var moved = await MovedOffAsync(id, cut);
        Assert.NotEqual(active.GetProperty("working").GetProperty("latencyMs").GetDouble(), moved.GetProperty("working").GetProperty("latencyMs").GetDouble());
        await Eventually.TrueAsync(async () => await TcpRmemAsync(_a) == Expected(moved) && await TcpRmemAsync(B) == Expected(moved), Wait);
        Assert.NotEqual(sizedFirst, await TcpRmemAsync(B));

        await ReleaseAndCheckRestoredAsync(id, beforeA, beforeB);

        // 10 Gbit/s over twice the active leg's latency, as the controller sizes it.
        static string Expected(JsonElement lightpath) =>
            TcpTuning.Sysctls(10e9, TimeSpan.FromMilliseconds(2 * lightpath.GetProperty("working").GetProperty("latencyMs").GetDouble()), "reno", socketMaximums: false).Single(s => s.Key == "net.ipv4.tcp_rmem").Value;
    }

    [Fact]
    public async Task Lightpath_OneHostAgentSilent_FailsWithItsCauseAndLeavesNothingBehind()
    {
        await StartAgentAsync("cern-agent", "secret-a", _a);
        string beforeA = await SnapshotAsync(_a);

        string id = await RequestAsync();
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) is "failed" or "active", Wait);

        var failed = await _net.GetLightpathAsync(id);
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Contains("agent caltech-agent: no result for apply command", failed.GetProperty("failureCause").GetString(), StringComparison.Ordinal);
        Assert.Equal(beforeA, await SnapshotAsync(_a));
        foreach (var sw in _net.Simulator.Endpoints)
        {
            Assert.Empty(await _net.ReadCrossConnectsAsync(sw.Name));
        }
    }

    /// <summary>Both agents running, the namespaces' state read, a lightpath with configured hosts Active.</summary>
    private async Task<(string Id, JsonElement Active, string BeforeA, string BeforeB)> ActiveWithBothAgentsAsync(string protection = "none")
    {
        await StartAgentAsync("cern-agent", "secret-a", _a);
        await StartAgentAsync("caltech-agent", "secret-b", B);
        string beforeA = await SnapshotAsync(_a), beforeB = await SnapshotAsync(B);
        string id = await RequestAsync(protection);
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) is "active" or "failed", Wait);
        var active = await _net.GetLightpathAsync(id);
        Assert.True(active.GetProperty("state").GetString() == "active", active.GetProperty("failureCause").ToString());
        return (id, active, beforeA, beforeB);
    }

    /// <summary>The lightpath once it is Active on a path without <paramref name="link"/>; on timeout, its record says why not.</summary>
    private async Task<JsonElement> MovedOffAsync(string id, string link)
    {
        var limit = DateTime.UtcNow + Wait;
        while (true)
        {
            var record = await _net.GetLightpathAsync(id);
            if (record.GetProperty("state").GetString() == "active" && !record.GetProperty("working").GetProperty("links").EnumerateArray().Any(l => l.GetString() == link))
            {
                return record;
            }

            if (DateTime.UtcNow > limit)
            {
                throw new TimeoutException($"lightpath {id} not moved off {link} within {Wait.TotalSeconds} s: {record}");
            }

            await Task.Delay(100);
        }
    }

    private async Task ReleaseAndCheckRestoredAsync(string id, string beforeA, string beforeB)
    {
        using var delete = await _net.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) == "released", Wait);
        Assert.Equal(beforeA, await SnapshotAsync(_a));
        Assert.Equal(beforeB, await SnapshotAsync(B));
    }

    private async Task<string> RequestAsync(string protection = "none")
    {
        using var created = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", $$"""{"from":"cern-fdt","to":"caltech-fdt","bandwidth":"10G","configureHosts":true,"protection":"{{protection}}"}""");
        string body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task StartAgentAsync(string agentId, string secret, string ns)
    {
        var verifier = new CommandVerifier(new CommandVerifierOptions { AgentId = agentId, Keys = new Dictionary<string, ECDsa> { ["controller-1"] = _key } });
        var service = new HostCommandService(verifier, new HostConfigurator(new LocalShell(ns)), agentId);
        var agent = new AgentPublisher(new AgentPublisherOptions
        {
            Broker = new BrokerConnectionOptions { Port = _net.Host.Telemetry!.BrokerPort, UserName = agentId, Secret = secret },
            StoreAndForward = new StoreAndForwardOptions { Directory = Path.Combine(_dir, agentId), FsyncEachAppend = false },
            CommandHandler = service.HandleAsync,
        });
        _agents.Add(agent);
        agent.Start();
        await Eventually.TrueAsync(() => agent.IsReceivingCommands, Wait);
    }

    private static async Task<string> TcpRmemAsync(string ns) =>
        string.Join(' ', (await Tools.RunAsync("ip", "netns", "exec", ns, "sysctl", "-n", "net.ipv4.tcp_rmem")).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> SnapshotAsync(string ns) =>
        await Tools.RunAsync("ip", "netns", "exec", ns, "ip", "-j", "-d", "link", "show") + await Tools.RunAsync("ip", "netns", "exec", ns, "ip", "-j", "addr", "show")
        + await Tools.RunAsync("ip", "netns", "exec", ns, "ip", "-j", "route", "show", "table", "all") + await Tools.RunAsync("ip", "netns", "exec", ns, "ip", "-j", "rule", "show")
        + await Tools.RunAsync("ip", "netns", "exec", ns, "sysctl", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_congestion_control");
}
