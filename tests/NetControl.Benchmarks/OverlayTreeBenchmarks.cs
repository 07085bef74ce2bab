using BenchmarkDotNet.Attributes;
using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Suites;
using NetControl.Benchmarking.Workloads;
using NetControl.Graph.Trees;

namespace NetControl.Benchmarks;

/// <summary>Overlay trees on PlanetLab490 slice 1: QuikGraph's Kruskal (baseline) beside our Prim and constrained tree.</summary>
[MemoryDiagnoser]
public class OverlayTreeBenchmarks
{
    private MeshWorkload _mesh = null!;
    private QuikGraphTrees _quik = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mesh = MeshWorkload.PlanetLab(null);
        _quik = new QuikGraphTrees(_mesh.Weights);
    }

    [Benchmark(Baseline = true)]
    public double QuikGraphKruskal() => _quik.KruskalCost();

    [Benchmark]
    public double Prim() => MinimumSpanningTree.Prim(_mesh.Weights).GetTree().Cost;

    [Benchmark]
    public double Degree8Hops10() => ConstrainedSpanningTree.Build(_mesh.Weights, TreeBenchCases.OverlayLimits).GetTree().Cost;
}
