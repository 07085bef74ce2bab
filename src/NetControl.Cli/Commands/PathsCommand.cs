using System.CommandLine;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Formats;
using NetControl.Graph;
using NetControl.Graph.Paths;

namespace NetControl.Cli.Commands;

/// <summary><c>netctl paths FILE --from A --to B [--metric] [--k N] [--disjoint KIND] [--exclude ...]</c>.</summary>
internal static class PathsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = CommonOptions.TopologyFile();
        var from = new Option<string>("--from") { Description = "Source node (id, or label when unique)", Required = true };
        var to = new Option<string>("--to") { Description = "Destination node (id, or label when unique)", Required = true };
        var metric = new Option<string>("--metric") { Description = $"What to minimise: {PathMetricNames.Accepted}", DefaultValueFactory = _ => "latency" };
        var k = new Option<int>("--k") { Description = "Number of shortest loopless paths (Yen)", DefaultValueFactory = _ => 1 };
        var disjoint = new Option<string?>("--disjoint") { Description = "Return a working + backup pair of minimum total cost: link, node or srlg" };
        var exclude = new Option<string?>("--exclude") { Description = "Comma-separated nodes, links or SRLGs to avoid (prefix node:, link:, srlg: when ambiguous)" };
        var maxLatency = new Option<double?>("--max-latency-ms") { Description = "Upper bound on each path's one-way latency (ms)" };
        var minCapacity = new Option<string?>("--min-capacity") { Description = "Minimum link capacity, e.g. 10G" };
        var maxCandidates = new Option<int>("--max-candidates") { Description = "Search limit for SRLG-disjoint and latency-bounded pairs", DefaultValueFactory = _ => DisjointSearchOptions.Default.MaxCandidates };
        var json = CommonOptions.Json();
        var command = new Command("paths", "Compute shortest, k-shortest or disjoint paths between two nodes")
        {
            file, from, to, metric, k, disjoint, exclude, maxLatency, minCapacity, maxCandidates, json,
        };
        command.SetAction(parse =>
        {
            var metricValue = ParseMetric(parse.GetValue(metric));
            int count = parse.GetValue(k);
            var kind = ParseDisjointness(parse.GetValue(disjoint));
            if (count < 1)
            {
                throw new UsageException($"--k must be at least 1, got {count}");
            }

            if (kind is not null && parse.GetResult(k) is { Implicit: false })
            {
                throw new UsageException("--k and --disjoint do not combine: a disjoint query returns one pair");
            }

            if (parse.GetValue(maxCandidates) < 1)
            {
                throw new UsageException("--max-candidates must be at least 1");
            }

            var topology = TopologyFile.Load(parse.GetRequiredValue(file));
            var constraints = new PathConstraints
            {
                MaxLatencyMs = ParseLatency(parse.GetValue(maxLatency)),
                MinFreeCapacity = ParseRate(parse.GetValue(minCapacity)),
            };
            var request = new PathRequest(parse.GetRequiredValue(from), parse.GetRequiredValue(to))
            {
                Metric = metricValue,
                Constraints = ExclusionParser.Apply(constraints, topology, parse.GetValue(exclude)),
            };
            var finder = new PathFinder(NetworkGraph.Build(topology));
            bool asJson = parse.GetValue(json);
            return kind is { } d
                ? Pair(console, topology, finder, request, d, parse.GetValue(maxCandidates), asJson)
                : Paths(console, topology, finder, request, count, asJson);
        });
        return command;
    }

    private static int Paths(CliConsole console, NetworkTopology topology, PathFinder finder, PathRequest request, int k, bool asJson)
    {
        var result = finder.KShortest(request, k);
        if (!result.Found)
        {
            return Failed(console, result.Failure!, asJson);
        }

        var first = result.Paths[0];
        if (asJson)
        {
            console.Json(
                new PathsJson(topology.Name, first.Nodes[0], first.Nodes[^1], request.Metric.ToName(), [.. result.Paths.Select((p, i) => p.ToJson(i + 1))]),
                CliJsonContext.Default.PathsJson);
            return ExitCodes.Ok;
        }

        console.Out.WriteLine($"{topology.Name}: {first.Nodes[0]} -> {first.Nodes[^1]}, minimising {request.Metric.ToName()}");
        for (int i = 0; i < result.Paths.Length; i++)
        {
            PathText.Write(console.Out, result.Paths[i], $"{i + 1}.");
        }

        if (result.Paths.Length < k)
        {
            console.Out.WriteLine($"  (only {result.Paths.Length} loopless path{(result.Paths.Length == 1 ? string.Empty : "s")} satisfy the constraints)");
        }

        return ExitCodes.Ok;
    }

    private static int Pair(CliConsole console, NetworkTopology topology, PathFinder finder, PathRequest request, Disjointness kind, int maxCandidates, bool asJson)
    {
        var result = finder.DisjointPair(request, kind, new DisjointSearchOptions { MaxCandidates = maxCandidates });
        if (!result.Found)
        {
            return Failed(console, result.Failure, asJson);
        }

        string name = DisjointName(kind);
        if (asJson)
        {
            console.Json(
                new DisjointPairJson(
                    topology.Name,
                    result.Working.Nodes[0],
                    result.Working.Nodes[^1],
                    request.Metric.ToName(),
                    name,
                    result.Working.ToJson(1),
                    result.Backup.ToJson(2),
                    JsonRound.R(result.TotalCost),
                    result.ProvenOptimal,
                    result.CandidatesExamined),
                CliJsonContext.Default.DisjointPairJson);
            return ExitCodes.Ok;
        }

        console.Out.WriteLine($"{topology.Name}: {result.Working.Nodes[0]} -> {result.Working.Nodes[^1]}, {name}-disjoint pair minimising total {request.Metric.ToName()}: {PathText.Cost(result.TotalCost, request.Metric)}");
        PathText.Write(console.Out, result.Working, "working");
        PathText.Write(console.Out, result.Backup, "backup ");
        if (!result.ProvenOptimal)
        {
            console.Warning($"the search limit stopped the search after {result.CandidatesExamined} candidates: this pair is disjoint but may not be the cheapest");
        }

        return ExitCodes.Ok;
    }

    private static int Failed(CliConsole console, PathFailure failure, bool asJson)
    {
        if (asJson)
        {
            console.Json(failure.ToJson(), CliJsonContext.Default.ErrorJson);
        }

        if (failure.Kind == PathFailureKind.InvalidRequest)
        {
            console.Fail(failure.Message);
            return ExitCodes.InputError;
        }

        console.Error.WriteLine($"netctl: {failure.Message}");
        return ExitCodes.NoResult;
    }

    private static PathMetric ParseMetric(string? text) =>
        PathMetricNames.TryParse(text, out var metric) ? metric : throw new UsageException($"--metric: '{text}' is not one of {PathMetricNames.Accepted}");

    private static Disjointness? ParseDisjointness(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "link" => Disjointness.Link,
        "node" => Disjointness.Node,
        "srlg" => Disjointness.Srlg,
        _ => throw new UsageException($"--disjoint: '{text}' is not one of link, node, srlg"),
    };

    private static double? ParseLatency(double? value) =>
        value is { } v && (!double.IsFinite(v) || v < 0) ? throw new UsageException($"--max-latency-ms must be a non-negative number, got {v}") : value;

    private static DataRate? ParseRate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DataRate.TryParse(text, out var rate, out string error) ? rate : throw new UsageException($"--min-capacity: {error}");
    }

    internal static string DisjointName(Disjointness kind) => kind switch
    {
        Disjointness.Link => "link",
        Disjointness.Node => "node",
        _ => "srlg",
    };
}
