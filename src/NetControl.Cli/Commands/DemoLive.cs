using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Agent.Configuration;
using NetControl.Cli.Demo;
using NetControl.Cli.Json;
using NetControl.Cli.Lightpaths;
using NetControl.Cli.Output;
using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Controller.Telemetry;
using NetControl.Messaging.Ingest;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Graph;
using NetControl.Graph.Paths;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Cli.Commands;

/// <summary>
/// The live part of <c>netctl demo</c>: the optical simulator of the embedded USLHCnet topology on loopback, a
/// controller driving it over TL1, three generated tokens; then either a self-check (request, cut, restore, release)
/// or serving until a deadline or Ctrl-C.
/// </summary>
internal sealed class DemoLive : IAsyncDisposable
{
    /// <summary>How often the controller polls the demo's Glimmerglass switches for loss of light.</summary>
    private static readonly TimeSpan PowerPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the controller reads the switches' SNMP interface counters (measured link utilisation on the dashboard).</summary>
    private static readonly TimeSpan UtilisationPollInterval = TimeSpan.FromSeconds(1);

    public const string SelfCheckFrom = "cern-fdt";
    public const string SelfCheckTo = "caltech-fdt";

    /// <summary>How the demo's reflector agents probe: 4 packets a second per link, a summary each second.</summary>
    public static readonly ProbeSettings ReflectorProbes = new()
    {
        Interval = TimeSpan.FromMilliseconds(250),
        ReportingInterval = TimeSpan.FromSeconds(1),
        Tmax = TimeSpan.FromMilliseconds(500),
    };

    private readonly SimulatorFaultInjector _faults;

    private DemoLive(OpticalSimulator simulator, ControllerHost host, ReflectorMesh mesh, NetworkTopology topology, SimulatorFaultInjector faults, string viewer, string @operator, string admin)
    {
        _faults = faults;
        Simulator = simulator;
        Mesh = mesh;
        Host = host;
        Topology = topology;
        ViewerToken = viewer;
        OperatorToken = @operator;
        AdminToken = admin;
    }

    public OpticalSimulator Simulator { get; }

    public ControllerHost Host { get; }

    /// <summary>The probe agents and emulated links of the reflector overlay.</summary>
    public ReflectorMesh Mesh { get; }

    public NetworkTopology Topology { get; }

    public string ViewerToken { get; }

    public string OperatorToken { get; }

    public string AdminToken { get; }

    public string Url => Host.Address.ToString().TrimEnd('/');

    public string ControlUrl => Simulator.ControlAddress!.ToString();

    /// <summary>
    /// The live dashboard, signed in with the admin token (the demo's engineer requests, cuts and also reports repairs);
    /// the token is in the fragment, never sent to the server.
    /// </summary>
    public string DashboardUrl => $"{Url}/dashboard/#token={AdminToken}";

    public static async Task<DemoLive> StartAsync(NetworkTopology topology, int basePort, int controlPort, int port, string? database, CancellationToken cancellationToken)
    {
        // One process hosts the controller, the switch simulator and 24 probe agents (journals written synchronously,
        // hundreds of sessions). On 2 cores the pool starts with 2 threads and adds one per 500 ms when they block, which
        // under CI load left TL1 answers unsent for over 10 s: start with enough threads for all of it.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        OpticalSimulator simulator;
        try
        {
            // Every switch also answers SNMP v2c on a free loopback UDP port: the controller polls its interface counters, which
            // count only light that crosses the switch (a lit lightpath at half its 10 Gb/s line rate), not idle host light.
            simulator = await OpticalSimulator.StartAsync(topology, basePort, controlPort == 0 ? FreeTcpPort() : controlPort, snmp: new SnmpAgentOptions { CountThroughTrafficOnly = true }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or HttpListenerException)
        {
            throw new CliInputException($"cannot start the optical simulator on loopback (TL1 base port {basePort}, control port {controlPort}): {ex.Message}; try --base-port/--sim-control-port", ex);
        }

        var faults = new SimulatorFaultInjector(simulator.ControlAddress!);
        try
        {
            string viewer = Token("viewer"), op = Token("operator"), admin = Token("admin");
            var reflectors = DemoTopology.LoadReflectors();
            var agentSecrets = ReflectorMesh.NewSecrets(reflectors);
            var options = new ControllerOptions
            {
                Telemetry = new TelemetryOptions
                {
                    BrokerPort = 0,
                    AgentSecrets = agentSecrets,
                    ControllerSecret = Token("mqtt"),
                    Overlay = reflectors,
                    Presence = new PresenceTrackerOptions { SilenceTimeout = TimeSpan.FromSeconds(5) },
                },
                Listen = $"http://127.0.0.1:{port}",
                Topology = topology,
                DatabasePath = database,
                Tokens =
                [
                    new ApiToken(viewer, "demo-viewer", ApiRole.Viewer),
                    new ApiToken(op, "demo-operator", ApiRole.Operator),
                    new ApiToken(admin, "demo-admin", ApiRole.Admin),
                ],
                Devices = [.. simulator.Endpoints.Select(e => new DeviceEndpoint
                {
                    Name = e.Name,
                    Dialect = DeviceDialectNames.TryParse(e.Dialect, out var d) ? d : throw new CliInputException($"unknown switch dialect '{e.Dialect}'"),
                    Host = "127.0.0.1",
                    Port = e.Tl1Port,
                    UserName = "netctl",
                    Password = "demo",
                    Snmp = e.SnmpPort is int snmpPort ? new SnmpEndpoint { Port = snmpPort } : null,
                })],
                DeviceCommandTimeout = TimeSpan.FromSeconds(30),
                DeviceConnectTimeout = TimeSpan.FromSeconds(20),
                PowerPollInterval = PowerPollInterval,
                UtilisationPollInterval = UtilisationPollInterval,
                FaultInjector = faults,
            };
            ControllerHost host;
            try
            {
                host = await ControllerHost.StartAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                throw new CliInputException($"cannot start the controller on http://127.0.0.1:{port}: {ex.Message.ReplaceLineEndings(" ")}; try --port", ex);
            }

            ReflectorMesh mesh;
            try
            {
                mesh = await ReflectorMesh.StartAsync(reflectors, host.Telemetry!.BrokerPort, agentSecrets, ReflectorProbes, NullLoggerFactory.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return new DemoLive(simulator, host, mesh, topology, faults, viewer, op, admin);
        }
        catch
        {
            faults.Dispose();
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IReadOnlyList<string> Samples() =>
    [
        $"curl -H \"Authorization: Bearer {OperatorToken}\" -X POST {Url}/api/v1/lightpaths -d '{{\"from\":\"{SelfCheckFrom}\",\"to\":\"{SelfCheckTo}\"}}' -H 'Content-Type: application/json'",
        $"NETCTL_URL={Url} NETCTL_TOKEN={OperatorToken} netctl lightpath request --from {SelfCheckFrom} --to {SelfCheckTo} --wait",
        $"NETCTL_URL={Url} NETCTL_TOKEN={OperatorToken} netctl lightpath list",
        $"netctl sim cut CHI-GVA-QWEST --control {ControlUrl}",
        $"netctl sim repair CHI-GVA-QWEST --control {ControlUrl}",
        $"curl -H \"Authorization: Bearer {ViewerToken}\" {Url}/api/v1/overlay",
        $"curl -H \"Authorization: Bearer {ViewerToken}\" {Url}/api/v1/telemetry/links",
    ];

    public DemoLiveJson Json(DemoSelfCheckJson? check, DemoOverlayCheckJson? overlay = null) => new(Url, ViewerToken, OperatorToken, AdminToken, ControlUrl, Samples(), check, overlay);

    /// <summary>Waits for the probes to measure every reflector link, cuts a tree link and times the overlay's move.</summary>
    public Task<DemoOverlayCheckJson> OverlayCheckAsync(CliConsole? progress, CancellationToken cancellationToken) =>
        OverlaySelfCheck.RunAsync(Host.Telemetry!, Mesh, ReflectorProbes.ReportingInterval, progress, cancellationToken);

    public void PrintBanner(TextWriter o)
    {
        o.WriteLine($"controller:        {Url}  (OpenAPI at {Url}/openapi/v1.json)");
        o.WriteLine($"dashboard:         {DashboardUrl}");
        o.WriteLine($"optical simulator: {Simulator.Endpoints.Count} switches on loopback TL1 ports {string.Join(", ", Simulator.Endpoints.Select(e => $"{e.Name}:{e.Tl1Port}"))}; control API {ControlUrl}");
        o.WriteLine($"snmp agents:       v2c, community public, udp {string.Join(", ", Simulator.Endpoints.Select(e => $"{e.Name}:{e.SnmpPort}"))} (polled each {UtilisationPollInterval.TotalSeconds:0} s for link utilisation)");
        o.WriteLine($"reflector overlay: {Mesh.Agents.Count} EVO reflectors, {Mesh.Links.Links.Length} emulated links probed every {ReflectorProbes.Interval.TotalMilliseconds:0} ms (STAMP, a summary each {ReflectorProbes.ReportingInterval.TotalSeconds:0} s) over MQTT on 127.0.0.1:{Host.Telemetry!.BrokerPort}");
        o.WriteLine($"operator token:    {OperatorToken}");
        o.WriteLine($"viewer token:      {ViewerToken}");
        o.WriteLine($"admin token:       {AdminToken}");
        o.WriteLine("try:");
        foreach (var s in Samples())
        {
            o.WriteLine($"  {s}");
        }
    }

    /// <summary>Requests cern-fdt → caltech-fdt, waits Active, cuts a restorable link of its path, waits for the new path, releases.</summary>
    public async Task<DemoSelfCheckJson> SelfCheckAsync(CliConsole? progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Generous: on 2 cores shared with other test assemblies the demo's start (24 agents, JIT) can stall TL1 for a while.
        timeout.CancelAfter(TimeSpan.FromSeconds(240));
        var ct = timeout.Token;
        using var client = new LightpathApiClient(Host.Address, OperatorToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var states = new List<string>();
        string id = "-";
        IReadOnlyList<string> path = [];
        string? cut = null;
        bool active = false, restored = false, released = false;
        double activeMs = 0;
        double? restoreMs = null;
        IReadOnlyList<string>? restoredPath = null;
        string final = "-";
        try
        {
            var clock = Stopwatch.StartNew();
            var created = await client.RequestAsync(new LightpathRequest { From = SelfCheckFrom, To = SelfCheckTo, Protection = "restorable", Description = "netctl demo self-check" }, ct).ConfigureAwait(false);
            id = created.Id;
            progress?.Out.WriteLine($"requested {id}: {SelfCheckFrom} -> {SelfCheckTo}");
            var view = await LightpathCommand.WaitForAsync(client, id, v => v.State is "active" or "failed" or "released", null, ct).ConfigureAwait(false);
            activeMs = clock.Elapsed.TotalMilliseconds;
            Record(states, view);
            final = view.State;
            active = view.State == "active";
            path = view.Working?.Nodes ?? [];
            progress?.Out.WriteLine($"{id} {view.State} after {activeMs:0} ms: {LightpathCommand.PathText(view)} ({LightpathCommand.Latency(view)})");
            if (!active)
            {
                return Result(view.FailureCause ?? $"the lightpath ended {view.State}");
            }

            var links = view.Working?.Links ?? [];
            cut = RestorableLink(links);
            if (cut is null)
            {
                return Result("no link of the path can be cut and restored around");
            }

            // Cut at once: the Glimmerglass poll during set-up found the new ports dark, and the next poll must still see
            // the cut (every poll reports the level, and the correlator compares).
            clock.Restart();
            using (var response = await SimCommand.PostLinkAsync(http, Simulator.ControlAddress!, cut, "cut", ct).ConfigureAwait(false))
            {
                response.EnsureSuccessStatusCode();
            }

            progress?.Out.WriteLine($"cut fibre {cut} (netctl sim cut {cut} --control {ControlUrl})");
            view = await LightpathCommand.WaitForAsync(
                client,
                id,
                v =>
                {
                    Record(states, v);
                    return v.State is "failed" or "released" || AroundCut(v);
                },
                null,
                ct).ConfigureAwait(false);
            final = view.State;
            restored = AroundCut(view);
            if (restored)
            {
                restoreMs = clock.Elapsed.TotalMilliseconds;
                restoredPath = view.Working!.Nodes;
                progress?.Out.WriteLine($"{id} restored after {restoreMs:0} ms: {LightpathCommand.PathText(view)} ({LightpathCommand.Latency(view)})");
            }
            else
            {
                progress?.Out.WriteLine($"{id} not restored: {view.State} {view.FailureCause}");
            }

            await client.ReleaseAsync(id, ct).ConfigureAwait(false);
            view = await LightpathCommand.WaitForAsync(client, id, v => v.State == "released", null, ct).ConfigureAwait(false);
            Record(states, view);
            final = view.State;
            released = view.State == "released";
            progress?.Out.WriteLine($"{id} {view.State}");
            return Result(restored ? null : $"the lightpath was not restored after the cut of {cut}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Result("timed out after 240 s");
        }
        catch (Exception ex) when (ex is CliInputException or HttpRequestException)
        {
            return Result(ex.Message);
        }
        finally
        {
            if (cut is not null)
            {
                try
                {
                    using var repairTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var _ = await SimCommand.PostLinkAsync(http, Simulator.ControlAddress!, cut, "repair", repairTimeout.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
            }
        }

        bool AroundCut(LightpathView v) => v.State == "active" && v.Working is { } w && !(w.Links ?? []).Contains(cut);

        DemoSelfCheckJson Result(string? error) =>
            new(id, SelfCheckFrom, SelfCheckTo, active, Math.Round(activeMs, 1), path, cut, restored, restoreMs is { } r ? Math.Round(r, 1) : null, restoredPath, released, final, [.. states], error);
    }

    public async ValueTask DisposeAsync()
    {
        await Mesh.DisposeAsync().ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
        _faults.Dispose();
    }

    private static void Record(List<string> states, LightpathView view)
    {
        if (states.Count == 0 || states[^1] != view.State)
        {
            states.Add(view.State);
        }
    }

    /// <summary>The first link of the path between two switches whose failure (with its SRLGs) leaves a way around it.</summary>
    private string? RestorableLink(IReadOnlyList<string> links)
    {
        foreach (string id in links)
        {
            if (!Topology.TryGetLink(id, out var link) || Topology.GetNode(link.A.Node).Kind != NodeKind.OpticalSwitch || Topology.GetNode(link.B.Node).Kind != NodeKind.OpticalSwitch)
            {
                continue;
            }

            var now = TimeProvider.System.GetUtcNow();
            var state = LinkStateOverlay.For(Topology).With(id, LinkCondition.Down, "demo cut", now);
            foreach (var srlg in link.Srlgs)
            {
                state = state.WithSrlg(srlg, LinkCondition.Down, "demo cut", now);
            }

            var finder = new PathFinder(NetworkGraph.Build(Topology, state));
            if (finder.Shortest(new PathRequest(SelfCheckFrom, SelfCheckTo)).Found)
            {
                return id;
            }
        }

        return null;
    }

    private static string Token(string role) => $"demo-{role}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()}";

    internal static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.Server.LocalEndPoint!).Port;
    }
}
