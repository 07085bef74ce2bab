using System.CommandLine;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Graph;
using NetControl.Graph.Analysis;
using NetControl.Graph.Paths;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl demo</c>: the whole system on its embedded default: the USLHCnet topology and the graph engine
/// (transfer paths, a protected transatlantic pair, a carrier-wide fibre cut), then live on loopback the optical
/// simulator, the controller, and the EVO reflector overlay measured by probe agents over emulated links.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var topologyFile = new Option<string?>("--topology") { Description = "Use this topology file instead of the embedded USLHCnet network" };
        var from = new Option<string?>("--from") { Description = "Transfer source (default: the first host)" };
        var to = new Option<string?>("--to") { Description = "Transfer destination (default: the last host)" };
        var json = CommonOptions.Json();
        var port = new Option<int?>("--port") { Description = "Controller HTTP port (default 8080; a free port in the self-check)" };
        var basePort = new Option<int?>("--base-port") { Description = "TL1 port of the first simulated switch, then +1 each (default 10033; free ports in the self-check)" };
        var controlPort = new Option<int?>("--sim-control-port") { Description = "Port of the simulator's HTTP control API for 'netctl sim cut' (default 9300; a free port in the self-check)" };
        var db = new Option<string?>("--db") { Description = "SQLite database file for the controller (default: in memory)" };
        var runFor = new Option<double?>("--for") { Description = "Serve for this many seconds, then exit" };
        var command = new Command("demo", "Run the controller and the optical simulator of the embedded USLHCnet network on loopback (a self-check when not on a terminal)")
        {
            topologyFile, from, to, json, port, basePort, controlPort, db, runFor,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var topology = parse.GetValue(topologyFile) is { } path ? TopologyFile.Load(path) : DemoTopology.Load();
            var (source, target) = Endpoints(topology, parse.GetValue(from), parse.GetValue(to));
            var steps = Run(topology, source, target);
            var report = TopologyAnalysis.Analyze(topology);
            bool asJson = parse.GetValue(json);
            DemoJson Document(DemoLiveJson? live) => new(topology.Name, report.ToJson(), source, target, [.. steps.Select(s => s.Json)], live);
            if (!asJson)
            {
                console.Out.WriteLine("NetControl demo: topology and graph engine");
                TopologyText.Summary(console.Out, topology.SourceFile ?? "embedded", topology, report);
                foreach (var step in steps)
                {
                    console.Out.WriteLine();
                    console.Out.WriteLine(step.Json.Title);
                    step.Render(console.Out);
                }
            }

            if (parse.GetValue(topologyFile) is not null)
            {
                // Another topology: the graph part only (the simulator and the controller run the embedded network).
                if (asJson)
                {
                    console.Json(Document(null), CliJsonContext.Default.DemoJson);
                }

                return ExitCodes.Ok;
            }

            double? seconds = parse.GetValue(runFor);
            if (seconds is { } s0 && (!double.IsFinite(s0) || s0 < 0))
            {
                throw new UsageException($"--for must be a number of seconds >= 0, got {s0}");
            }

            bool interactive = !asJson && ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected;
            bool selfCheck = seconds is null && !interactive;
            int httpPort = SimCommand.Port(parse.GetValue(port) ?? (selfCheck ? 0 : 8080), "--port", allowZero: true);
            int tl1 = SimCommand.Port(parse.GetValue(basePort) ?? (selfCheck ? 0 : 10033), "--base-port", allowZero: true);
            int control = SimCommand.Port(parse.GetValue(controlPort) ?? (selfCheck ? 0 : SimCommand.DefaultControlPort), "--sim-control-port", allowZero: true);
            if (!asJson)
            {
                console.Out.WriteLine();
                console.Out.WriteLine("Starting the optical simulator and the controller on loopback...");
                console.Out.Flush();
            }

            await using var live = await DemoLive.StartAsync(topology, tl1, control, httpPort, parse.GetValue(db), cancellationToken).ConfigureAwait(false);
            if (!asJson)
            {
                live.PrintBanner(console.Out);
                console.Out.Flush();
            }

            if (selfCheck)
            {
                if (!asJson)
                {
                    console.Out.WriteLine();
                    console.Out.WriteLine("Self-check (not on a terminal; give --for SECONDS to keep it running):");
                }

                var check = await live.SelfCheckAsync(asJson ? null : console, cancellationToken).ConfigureAwait(false);
                var overlay = await live.OverlayCheckAsync(asJson ? null : console, cancellationToken).ConfigureAwait(false);
                if (asJson)
                {
                    console.Json(Document(live.Json(check, overlay)), CliJsonContext.Default.DemoJson);
                }
                else
                {
                    console.Out.WriteLine(check.Error is null
                        ? $"self-check passed: active in {check.ActiveMs:0} ms, restored around {check.CutLink} in {check.RestoreMs:0} ms, released"
                        : $"self-check failed: {check.Error}");
                    console.Out.WriteLine(overlay.Error is null
                        ? $"overlay check passed: every tree link measured ({overlay.MeasuredLinks} of {overlay.Links} reflector links) in {overlay.MeasuredAfterMs:0} ms; the tree moved off {overlay.CutLink} {overlay.MovedMs:0} ms after its cut"
                        : $"overlay check failed: {overlay.Error}");
                }

                if ((check.Error ?? overlay.Error) is { } error)
                {
                    console.Fail($"demo self-check failed: {error}");
                    return ExitCodes.InputError;
                }

                return ExitCodes.Ok;
            }

            if (asJson)
            {
                console.Json(Document(live.Json(null)), CliJsonContext.Default.DemoJson);
            }
            else
            {
                console.Out.WriteLine(seconds is { } s1 ? $"serving for {s1:0.###} s" : "serving until Ctrl-C");
            }

            console.Out.Flush();
            try
            {
                await Task.Delay(seconds is { } s2 ? TimeSpan.FromSeconds(s2) : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop cleanly.
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string From, string To) Endpoints(NetworkTopology topology, string? from, string? to)
    {
        var hosts = topology.Nodes.Where(n => n.Kind == NodeKind.Host).ToList();
        var pool = hosts.Count >= 2 ? hosts : [.. topology.Nodes];
        if (pool.Count < 2 && (from is null || to is null))
        {
            throw new UsageException($"topology '{topology.Name}' has fewer than two nodes; give --from and --to");
        }

        return (topology.ResolveNode(from ?? pool[0].Id).Id, topology.ResolveNode(to ?? pool[^1].Id).Id);
    }

    private static List<DemoStep> Run(NetworkTopology topology, string from, string to)
    {
        var finder = new PathFinder(NetworkGraph.Build(topology));
        var steps = new List<DemoStep>
        {
            DemoStep.FromPaths($"Transfer paths {from} -> {to}, three shortest by latency:", finder.KShortest(new PathRequest(from, to), 3)),
        };

        var ends = TransitSwitches(finder, from, to);
        if (ends is { } pair)
        {
            steps.Add(DemoStep.FromPair(
                $"Protected core between {pair.A} and {pair.B}: SRLG-disjoint working + backup (1+1), minimum total latency:",
                finder.DisjointPair(new PathRequest(pair.A, pair.B), Disjointness.Srlg)));
        }

        steps.Add(DemoStep.FromPair(
            $"End-to-end 1+1 between {from} and {to}:",
            finder.DisjointPair(new PathRequest(from, to), Disjointness.Srlg)));

        var best = finder.Shortest(new PathRequest(from, to));
        var cutSrlg = best.Found ? best.Path.Hops.SelectMany(h => h.Link.Srlgs).FirstOrDefault() : null;
        if (cutSrlg is not null)
        {
            var state = LinkStateOverlay.For(topology).WithSrlg(cutSrlg, LinkCondition.Down, $"fibre cut on {cutSrlg}", TimeProvider.System.GetUtcNow());
            var cut = new PathFinder(NetworkGraph.Build(topology, state));
            var down = string.Join(", ", state.Reported.Keys.Order(StringComparer.Ordinal));
            steps.Add(DemoStep.FromPaths(
                $"Fibre cut: every '{cutSrlg}' circuit down ({down}); the transfer path moves to:",
                cut.KShortest(new PathRequest(from, to), 1)));
        }

        return steps;
    }

    /// <summary>
    /// The first optical switch on the best path and the farthest switch after it that it can be protected to:
    /// the core where a 1+1 pair makes sense (access links are single).
    /// </summary>
    private static (string A, string B)? TransitSwitches(PathFinder finder, string from, string to)
    {
        var best = finder.Shortest(new PathRequest(from, to));
        if (!best.Found)
        {
            return null;
        }

        var switches = best.Path.Nodes.Where(id => finder.Graph.Topology.GetNode(id).Kind == NodeKind.OpticalSwitch).ToList();
        for (int last = switches.Count - 1; last > 0; last--)
        {
            if (finder.DisjointPair(new PathRequest(switches[0], switches[last]), Disjointness.Srlg).Found)
            {
                return (switches[0], switches[last]);
            }
        }

        return switches.Count >= 2 ? (switches[0], switches[^1]) : null;
    }
}
