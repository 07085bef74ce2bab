using BenchmarkDotNet.Attributes;
using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Suites;
using NetControl.Benchmarking.Workloads;
using NetControl.Graph.Paths;

namespace NetControl.Benchmarks;

/// <summary>Paths on KDL (754 nodes): QuikGraph's Dijkstra and Yen (baselines) beside ours.</summary>
[MemoryDiagnoser]
public class PathBenchmarks
{
    private KdlWorkload _kdl = null!;
    private QuikGraphPaths _quik = null!;
    private PathRequest _constrained = null!;
    private PathRequest _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kdl = KdlWorkload.Load(null);
        _quik = new QuikGraphPaths(_kdl.Topology, _kdl.KmWeight);
        _constrained = _kdl.ConstrainedRequest();
        _plain = new PathRequest(_kdl.SourceId, _kdl.TargetId) { Metric = PathMetric.Km };
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("shortest")]
    public double QuikGraphDijkstra() => _quik.Dijkstra(_kdl.Source, _kdl.Target, e => !_kdl.Excluded[e]);

    [Benchmark]
    [BenchmarkCategory("shortest")]
    public PathResult ConstrainedShortest() => _kdl.Finder.Shortest(_constrained);

    [Benchmark]
    [BenchmarkCategory("yen")]
    public double[] QuikGraphYen() => _quik.Yen(_kdl.Source, _kdl.Target, PathBenchCases.YenK);

    [Benchmark]
    [BenchmarkCategory("yen")]
    public PathSetResult YenK8() => _kdl.Finder.KShortest(_plain, PathBenchCases.YenK);
}
