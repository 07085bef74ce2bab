using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetControl.Agent.HostCommands;
using NetControl.Controller.Hosting;
using NetControl.Controller.Hosts;
using NetControl.Controller.Security;
using NetControl.Controller.Telemetry;
using NetControl.Core.Lightpaths;
using NetControl.Core.Topology;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Drivers.Host.Steps;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Connection;
using NetControl.Messaging.StoreAndForward;
using NetControl.Orchestration.Lightpaths;
using NetControl.Simulators.Optical.Server;

namespace NetControl.Cli.Transfer;

/// <summary>
/// The transfer-tool use case end to end, on loopback: the optical simulator of the demo network and a controller
/// with its embedded broker; the two transfer hosts as network namespaces joined by veth, each with a host agent
/// that runs the controller's signed commands; a lightpath request with host configuration through the REST API; a
/// real TCP transfer between the lightpath addresses; release, and the hosts read back as they were. Without root
/// (or with a dry run) the hosts are not touched: the lightpath is requested without host configuration and the
/// exact host commands are planned against this machine's state instead.
/// </summary>
internal sealed class TransferWalkthrough(Action<string> say)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private const string Token = "transfer-walkthrough-operator";

    public async Task<TransferReport> RunAsync(NetworkTopology topology, string from, string to, long bytes, bool dryRun, CancellationToken cancellationToken)
    {
        await using var simulator = await OpticalSimulator.StartAsync(topology).ConfigureAwait(false);
        say($"optical simulator: {simulator.Endpoints.Count} switches of {topology.Name} on loopback");
        return dryRun
            ? await DryRunAsync(topology, simulator, from, to, bytes, cancellationToken).ConfigureAwait(false)
            : await LiveAsync(topology, simulator, from, to, bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TransferReport> LiveAsync(NetworkTopology topology, OpticalSimulator simulator, string from, string to, long bytes, CancellationToken cancellationToken)
    {
        await using var hosts = await TransferNamespaces.CreateAsync(cancellationToken).ConfigureAwait(false);
        say($"transfer hosts: {from} in network namespace {hosts.A} ({TransferNamespaces.DeviceA}), {to} in {hosts.B} ({TransferNamespaces.DeviceB}), joined by veth");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = Options(topology, simulator) with
        {
            Telemetry = new TelemetryOptions
            {
                BrokerPort = 0,
                AgentSecrets = new Dictionary<string, string> { [$"{from}-agent"] = Secret(), [$"{to}-agent"] = Secret() },
                ControllerSecret = Secret(),
            },
            Hosts = HostOptions(key.ExportECPrivateKeyPem(), from, to),
        };
        await using var controller = await ControllerHost.StartAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        say($"controller: {controller.Address} (embedded MQTT broker on port {controller.Telemetry!.BrokerPort})");
        var agents = new List<AgentPublisher>();
        string journals = Directory.CreateTempSubdirectory("netctl-transfer-").FullName;
        try
        {
            foreach (var (host, ns) in new[] { (from, hosts.A), (to, hosts.B) })
            {
                string agentId = $"{host}-agent";
                var verifier = new CommandVerifier(new CommandVerifierOptions { AgentId = agentId, Keys = new Dictionary<string, ECDsa> { ["controller-1"] = key } });
                var agent = new AgentPublisher(new AgentPublisherOptions
                {
                    Broker = new BrokerConnectionOptions { Port = controller.Telemetry.BrokerPort, UserName = agentId, Secret = options.Telemetry.AgentSecrets[agentId] },
                    StoreAndForward = new StoreAndForwardOptions { Directory = Path.Combine(journals, agentId), FsyncEachAppend = false },
                    CommandHandler = new HostCommandService(verifier, new HostConfigurator(new LocalShell(ns)), agentId).HandleAsync,
                });
                agents.Add(agent);
                agent.Start();
            }

            await WaitAsync(() => Task.FromResult(agents.All(a => a.IsReceivingCommands)), "the host agents to connect", cancellationToken).ConfigureAwait(false);
            say("host agents: connected, accepting commands signed by the controller");
            string beforeA = await TransferNamespaces.SnapshotAsync(hosts.A, cancellationToken).ConfigureAwait(false);
            string beforeB = await TransferNamespaces.SnapshotAsync(hosts.B, cancellationToken).ConfigureAwait(false);

            using var http = Client(controller.Address);
            string id = await RequestAsync(http, from, to, configureHosts: true, cancellationToken).ConfigureAwait(false);
            var record = controller.Service.Get(id);
            var (fromSide, toSide) = HostStepPlanner.Plan(record, options.Hosts!);
            say($"{id} active over {record.Working} ({record.Working!.LatencyMs:0.##} ms); hosts configured: {from} {fromSide.Address}/30, {to} {toSide.Address}/30, MTU 9000, TCP buffers for 10 Gbit/s x {2 * record.Working.LatencyMs:0.##} ms");

            var (received, elapsed) = await TcpTransfer.RunAsync(hosts.A, IPAddress.Parse(fromSide.Address), hosts.B, IPAddress.Parse(toSide.Address), bytes, cancellationToken).ConfigureAwait(false);
            double gbps = received * 8 / elapsed.TotalSeconds / 1e9;
            say(FormattableString.Invariant($"transfer: {received:N0} of {bytes:N0} bytes {fromSide.Address} -> {toSide.Address} in {elapsed.TotalSeconds:0.###} s = {gbps:0.##} Gbit/s (TCP over the veth standing in for the lightpath)"));

            await ReleaseAsync(http, id, cancellationToken).ConfigureAwait(false);
            bool restored = beforeA == await TransferNamespaces.SnapshotAsync(hosts.A, cancellationToken).ConfigureAwait(false)
                && beforeB == await TransferNamespaces.SnapshotAsync(hosts.B, cancellationToken).ConfigureAwait(false);
            say($"{id} released; hosts {(restored ? "restored exactly" : "NOT as before")}");
            return Report(record, fromSide, toSide, bytes, dryRun: false) with
            {
                BytesReceived = received,
                Seconds = elapsed.TotalSeconds,
                Gbps = gbps,
                HostsRestored = restored,
            };
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync().ConfigureAwait(false);
            }

            // The agents' journals hold nothing worth keeping once they have stopped.
            Directory.Delete(journals, recursive: true);
        }
    }

    private async Task<TransferReport> DryRunAsync(NetworkTopology topology, OpticalSimulator simulator, string from, string to, long bytes, CancellationToken cancellationToken)
    {
        await using var controller = await ControllerHost.StartAsync(Options(topology, simulator), cancellationToken: cancellationToken).ConfigureAwait(false);
        say($"controller: {controller.Address}");
        using var http = Client(controller.Address);
        string id = await RequestAsync(http, from, to, configureHosts: false, cancellationToken).ConfigureAwait(false);
        var record = controller.Service.Get(id);
        say($"{id} active over {record.Working} ({record.Working!.LatencyMs:0.##} ms)");
        var (fromSide, toSide) = HostStepPlanner.Plan(record, HostOptions("unused", from, to));
        var commands = new Dictionary<string, IReadOnlyList<string>>();
        var configurator = new HostConfigurator(new LocalShell());
        foreach (var (host, side) in new[] { (from, fromSide), (to, toSide) })
        {
            var steps = side.Steps.Select(s => HostStepMapper.TryMap(s, out var step, out string error) ? step! : throw new TransferException(error)).ToList();
            var planned = (await configurator.DryRunAsync(steps, cancellationToken).ConfigureAwait(false)).Select(c => c.ToString()).ToList();
            commands[host] = planned;
            say($"dry run, {host} ({side.Address}/30) would run:");
            foreach (string line in planned)
            {
                say($"  {line}");
            }
        }

        await ReleaseAsync(http, id, cancellationToken).ConfigureAwait(false);
        say($"{id} released; no host was touched and no data sent (the live walk-through needs root for network namespaces)");
        return Report(record, fromSide, toSide, bytes, dryRun: true) with { PlannedCommands = commands };
    }

    /// <summary>What both modes report: the released lightpath, its path and the steps each host got.</summary>
    private static TransferReport Report(LightpathRecord record, HostSide from, HostSide to, long bytes, bool dryRun) => new()
    {
        From = record.Request.From,
        To = record.Request.To,
        Bytes = bytes,
        DryRun = dryRun,
        Lightpath = record.Id,
        Path = [.. record.Working!.Nodes],
        LatencyMs = record.Working.LatencyMs,
        FromAddress = from.Address,
        ToAddress = to.Address,
        Released = true,
        HostSteps = new Dictionary<string, IReadOnlyList<string>> { [record.Request.From] = Steps(from), [record.Request.To] = Steps(to) },
    };

    private static ControllerOptions Options(NetworkTopology topology, OpticalSimulator simulator) => new()
    {
        Listen = "http://127.0.0.1:0",
        Topology = topology,
        Tokens = [new ApiToken(Token, "transfer-tool", ApiRole.Operator)],
        Devices = [.. simulator.Endpoints.Select(e => new DeviceEndpoint
        {
            Name = e.Name,
            Dialect = DeviceDialectNames.TryParse(e.Dialect, out var d) ? d : throw new TransferException($"unknown switch dialect '{e.Dialect}'"),
            Host = "127.0.0.1",
            Port = e.Tl1Port,
            UserName = "netctl",
            Password = "transfer",
        })],
    };

    private static HostsOptions HostOptions(string keyPem, string from, string to) => new()
    {
        SigningKeyPem = keyPem,
        Endpoints = new Dictionary<string, HostEndpoint>
        {
            [from] = new($"{from}-agent", TransferNamespaces.DeviceA),
            [to] = new($"{to}-agent", TransferNamespaces.DeviceB),
        },
        // Inside network namespaces: net.core.rmem_max/wmem_max are read-only and only reno/bbr may be chosen.
        SocketMaximums = false,
        CongestionControl = "reno",
    };

    private static IReadOnlyList<string> Steps(HostSide side) =>
        [.. side.Steps.Select(s => HostStepMapper.TryMap(s, out var step, out _) ? step!.Describe() : s.Kind)];

    private static HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    private async Task<string> RequestAsync(HttpClient http, string from, string to, bool configureHosts, CancellationToken cancellationToken)
    {
        string body = JsonSerializer.Serialize(new Dictionary<string, object> { ["from"] = from, ["to"] = to, ["bandwidth"] = "10G", ["configureHosts"] = configureHosts });
        using var response = await http.PostAsync(new Uri("/api/v1/lightpaths", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new TransferException($"the controller refused the request: {text}");
        }

        string id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        say($"requested {id}: {from} -> {to}, 10 Gbit/s{(configureHosts ? ", configure hosts" : string.Empty)}");
        string state = string.Empty;
        await WaitAsync(async () => (state = await StateAsync(http, id, cancellationToken).ConfigureAwait(false)) is "active" or "failed", $"{id} to become active", cancellationToken).ConfigureAwait(false);
        if (state != "active")
        {
            using var failed = await http.GetAsync(new Uri($"/api/v1/lightpaths/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            string cause = JsonDocument.Parse(await failed.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).RootElement.GetProperty("failureCause").ToString();
            throw new TransferException($"{id} failed: {cause}");
        }

        return id;
    }

    private static async Task ReleaseAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(new Uri($"/api/v1/lightpaths/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await WaitAsync(async () => await StateAsync(http, id, cancellationToken).ConfigureAwait(false) == "released", $"{id} to be released", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> StateAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/lightpaths/{id}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).RootElement.GetProperty("state").GetString() ?? string.Empty;
    }

    private static async Task WaitAsync(Func<Task<bool>> done, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await done().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TransferException($"gave up waiting for {what} after {Wait.TotalSeconds:0} s");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
