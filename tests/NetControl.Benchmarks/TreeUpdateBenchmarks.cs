using BenchmarkDotNet.Attributes;
using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Suites;
using NetControl.Benchmarking.Workloads;
using NetControl.Graph.Trees;

namespace NetControl.Benchmarks;

/// <summary>One link-quality change on PlanetLab490: full recomputation with QuikGraph (baseline) beside our dynamic update.</summary>
[MemoryDiagnoser]
public class TreeUpdateBenchmarks
{
    private MeshWorkload _mesh = null!;
    private QuikGraphTrees _quik = null!;
    private DynamicSpanningTree _mst = null!;
    private DynamicSpanningTree _limited = null!;
    private List<(int I, int J, double Rtt)> _changes = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _mesh = MeshWorkload.PlanetLab(null);
        _quik = new QuikGraphTrees(_mesh.Weights);
        _mst = new DynamicSpanningTree(_mesh.Weights);
        _limited = new DynamicSpanningTree(_mesh.Weights, TreeBenchCases.OverlayLimits);
        _changes = MeshWorkload.Changes(_mesh.Weights, _mst.Tree!, 1_000_000);
    }

    [Benchmark(Baseline = true)]
    public double FullRecomputeQuikGraphKruskal() => _quik.KruskalCost();

    [Benchmark]
    public TreeChange UpdateMst()
    {
        var (i, j, rtt) = _changes[_next++ % _changes.Count];
        return _mst.Update(i, j, rtt);
    }

    [Benchmark]
    public TreeChange UpdateDegree8Hops10()
    {
        var (i, j, rtt) = _changes[_next++ % _changes.Count];
        return _limited.Update(i, j, rtt);
    }
}
