using BenchmarkDotNet.Attributes;
using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Suites;
using NetControl.Benchmarking.Workloads;
using NetControl.Graph.Trees;

namespace NetControl.Benchmarks;

/// <summary>
/// One link-quality change on PlanetLab490: full recomputation with QuikGraph (baseline) beside our dynamic update, each
/// change drawn against the tree as it is then (<see cref="TreeChangeStream"/>).
/// </summary>
[MemoryDiagnoser]
public class TreeUpdateBenchmarks
{
    private MeshWorkload _mesh = null!;
    private QuikGraphTrees _quik = null!;
    private DynamicSpanningTree _mst = null!;
    private DynamicSpanningTree _limited = null!;
    private TreeChangeStream _mstChanges = null!;
    private TreeChangeStream _limitedChanges = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mesh = MeshWorkload.PlanetLab(null);
        _quik = new QuikGraphTrees(_mesh.Weights);
        _mst = new DynamicSpanningTree(_mesh.Weights);
        _limited = new DynamicSpanningTree(_mesh.Weights, TreeBenchCases.OverlayLimits);
        _mstChanges = new TreeChangeStream(_mesh.Weights, _mst);
        _limitedChanges = new TreeChangeStream(_mesh.Weights, _limited);
    }

    [Benchmark(Baseline = true)]
    public double FullRecomputeQuikGraphKruskal() => _quik.KruskalCost();

    [Benchmark]
    public TreeChange UpdateMst()
    {
        var (i, j, rtt) = _mstChanges.Next();
        return _mst.Update(i, j, rtt);
    }

    [Benchmark]
    public TreeChange UpdateDegree8Hops10()
    {
        var (i, j, rtt) = _limitedChanges.Next();
        return _limited.Update(i, j, rtt);
    }
}
