using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Formats.Latency;
using NetControl.Graph.Trees;
using static NetControl.Cli.Json.JsonRound;

namespace NetControl.Cli.Commands;

/// <summary><c>netctl overlay tree --rtt MATRIX [--max-degree D] [--max-hops H] [--max-latency-ms L]</c>.</summary>
internal static class OverlayCommand
{
    public static Command Create(CliConsole console) => new("overlay", "Reflector overlays from measured RTTs") { Tree(console) };

    private static Command Tree(CliConsole console)
    {
        var rtt = new Option<string>("--rtt") { Description = "RTT matrix: square whitespace-separated ms (PlanetLab format) or CSV 'a,b,rtt_ms'", Required = true };
        var maxDegree = new Option<int?>("--max-degree") { Description = "Most overlay links per reflector" };
        var maxHops = new Option<int?>("--max-hops") { Description = "Hop diameter: most reflector hops between any two reflectors" };
        var maxLatency = new Option<double?>("--max-latency-ms") { Description = "Latency diameter: largest sum of RTTs along the tree between any two reflectors" };
        var json = CommonOptions.Json();
        var command = new Command("tree", "Cheapest spanning tree of the reflectors, within degree and diameter limits") { rtt, maxDegree, maxHops, maxLatency, json };
        command.SetAction(parse =>
        {
            var constraints = new TreeConstraints
            {
                MaxDegree = Positive(parse.GetValue(maxDegree), "--max-degree"),
                MaxHopDiameter = Positive(parse.GetValue(maxHops), "--max-hops"),
                MaxLatencyDiameterMs = parse.GetValue(maxLatency) is { } l && (!double.IsFinite(l) || l <= 0)
                    ? throw new UsageException($"--max-latency-ms must be a positive number, got {l.ToString(CultureInfo.InvariantCulture)}")
                    : parse.GetValue(maxLatency),
            };
            var matrix = LatencyMatrixFile.Load(parse.GetRequiredValue(rtt));
            var weights = WeightMatrix.FromLatency(matrix);
            var clock = Stopwatch.StartNew();
            var result = ConstrainedSpanningTree.Build(weights, constraints);
            double elapsed = clock.Elapsed.TotalMilliseconds;
            if (!result.Succeeded)
            {
                var failure = result.Failure!;
                if (parse.GetValue(json))
                {
                    console.Json(failure.ToJson(TreeMapping.Blocking(weights, constraints, failure)), CliJsonContext.Default.ErrorJson);
                }

                console.Error.WriteLine($"netctl: no overlay tree: {failure.Reason}");
                return ExitCodes.NoResult;
            }

            var tree = result.Tree;
            var mst = MinimumSpanningTree.Prim(weights).GetTree();
            var names = weights.Names;
            if (parse.GetValue(json))
            {
                console.Json(
                    new OverlayTreeJson(
                        weights.Count,
                        new TreeConstraintsJson(constraints.MaxDegree, constraints.MaxHopDiameter, constraints.MaxLatencyDiameterMs),
                        result.IsOptimal,
                        Figures(tree),
                        Figures(mst),
                        [.. tree.Edges.Select(e => new TreeEdgeJson(names[e.U], names[e.V], R(e.Weight)))],
                        matrix.AsymmetricPairs(),
                        R(elapsed)),
                    CliJsonContext.Default.OverlayTreeJson);
                return ExitCodes.Ok;
            }

            var w = console.Out;
            w.WriteLine($"overlay tree over {weights.Count} reflectors ({constraints.Describe()}), {(result.IsOptimal ? "optimal (the minimum spanning tree)" : "heuristic")}, computed in {elapsed:0.###} ms");
            TextTable.Write(w, ["edge", "a", "b", "rtt ms"], tree.Edges.Select((e, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), names[e.U], names[e.V], e.Weight.ToString("0.###", CultureInfo.InvariantCulture) }));
            w.WriteLine(FormattableString.Invariant($"total cost {tree.Cost:0.###} ms, max degree {tree.MaxDegree}, hop diameter {tree.HopDiameter}, latency diameter {tree.LatencyDiameter:0.###} ms"));
            string ratio = mst.Cost > 0 ? FormattableString.Invariant($" ({tree.Cost / mst.Cost:0.###}x)") : string.Empty;
            w.WriteLine(FormattableString.Invariant($"plain MST: cost {mst.Cost:0.###} ms{ratio}, max degree {mst.MaxDegree}, hop diameter {mst.HopDiameter}, latency diameter {mst.LatencyDiameter:0.###} ms"));
            if (matrix.AsymmetricPairs() is > 0 and int asym)
            {
                console.Warning($"{asym} host pairs have different RTTs in the two directions; the tree uses their mean");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static TreeFiguresJson Figures(SpanningTree t) => new(R(t.Cost), t.MaxDegree, t.HopDiameter, R(t.LatencyDiameter));

    private static int? Positive(int? value, string option) =>
        value is < 1 ? throw new UsageException($"{option} must be at least 1, got {value}") : value;
}
