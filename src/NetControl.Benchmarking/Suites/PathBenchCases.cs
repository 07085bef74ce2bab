using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Benchmarking.Workloads;

namespace NetControl.Benchmarking.Suites;

/// <summary>Path computation on KDL: ours beside QuikGraph's Dijkstra and Yen, in the same run.</summary>
public static class PathBenchCases
{
    public const int YenK = 8;

    public static IEnumerable<BenchCase> Run(KdlWorkload kdl, Stopwatcher timer)
    {
        var quik = new QuikGraphPaths(kdl.Topology, kdl.KmWeight);
        var constrained = kdl.ConstrainedRequest();
        double ours = kdl.Finder.Shortest(constrained).Path?.Cost ?? double.PositiveInfinity;
        double theirs = quik.Dijkstra(kdl.Source, kdl.Target, e => !kdl.Excluded[e]);
        yield return new BenchCase
        {
            Name = "path/kdl754/constrained-shortest",
            Description = $"KDL {kdl.SourceId} -> {kdl.TargetId}, metric km, {kdl.Excluded.Count(x => x)} links excluded; includes compiling the constraints",
            Ours = timer.Measure("NetControl PathFinder.Shortest", () => kdl.Finder.Shortest(constrained)),
            Baseline = timer.Measure("QuikGraph ShortestPathsDijkstra", () => quik.Dijkstra(kdl.Source, kdl.Target, e => !kdl.Excluded[e])),
            Agree = Math.Abs(ours - theirs) < 1e-6,
            Result = new Dictionary<string, double> { ["costKm"] = Math.Round(ours, 3), ["baselineCostKm"] = Math.Round(theirs, 3) },
        };

        var bounded = kdl.LatencyBoundedRequest();
        var boundedPath = kdl.Finder.Shortest(bounded).Path;
        yield return new BenchCase
        {
            Name = "path/kdl754/latency-bounded-fewest-hops",
            Description = $"KDL {kdl.SourceId} -> {kdl.TargetId}, fewest hops with latency <= {bounded.Constraints.MaxLatencyMs:0.###} ms (exact label-setting search)",
            Ours = timer.Measure("NetControl PathFinder.Shortest (resource-constrained)", () => kdl.Finder.Shortest(bounded)),
            BaselineNote = "QuikGraph has no resource-constrained shortest path",
            Result = new Dictionary<string, double>
            {
                ["hops"] = boundedPath?.HopCount ?? -1,
                ["latencyMs"] = Math.Round(boundedPath?.LatencyMs ?? double.NaN, 3),
            },
        };

        var plain = new NetControl.Graph.Paths.PathRequest(kdl.SourceId, kdl.TargetId) { Metric = NetControl.Graph.Paths.PathMetric.Km };
        var ourCosts = kdl.Finder.KShortest(plain, YenK).Paths.Select(p => p.Cost).ToArray();
        var theirCosts = quik.Yen(kdl.Source, kdl.Target, YenK);
        yield return new BenchCase
        {
            Name = $"path/kdl754/yen-k{YenK}",
            Description = $"KDL {kdl.SourceId} -> {kdl.TargetId}, {YenK} shortest loopless paths by km",
            Ours = timer.Measure("NetControl PathFinder.KShortest", () => kdl.Finder.KShortest(plain, YenK)),
            Baseline = timer.Measure("QuikGraph YenShortestPathsAlgorithm", () => quik.Yen(kdl.Source, kdl.Target, YenK)),
            Agree = ourCosts.Length == theirCosts.Length && ourCosts.Zip(theirCosts).All(p => Math.Abs(p.First - p.Second) < 1e-6),
            Result = new Dictionary<string, double>
            {
                ["paths"] = ourCosts.Length,
                ["firstKm"] = Math.Round(ourCosts.FirstOrDefault(double.NaN), 3),
                ["lastKm"] = Math.Round(ourCosts.LastOrDefault(double.NaN), 3),
            },
        };
    }
}
