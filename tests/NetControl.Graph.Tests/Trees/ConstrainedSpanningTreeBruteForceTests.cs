using System.Globalization;
using NetControl.Graph.Tests.Trees.Support;
using NetControl.Graph.Trees;
using Xunit.Abstractions;

namespace NetControl.Graph.Tests.Trees;

/// <summary>
/// The constrained-tree heuristic against brute force (every spanning tree) on small graphs, under every combination
/// of degree, hop-diameter and latency-diameter limits: soundness on every instance, and measured quality (how
/// often it misses an existing feasible tree, how far above the optimum it lands).
/// </summary>
public sealed class ConstrainedSpanningTreeBruteForceTests(ITestOutputHelper output)
{
    private static readonly int?[] Degrees = [2, 3, 4, null];
    private static readonly int?[] Hops = [2, 3, 4, 5, null];
    private static readonly double?[] LatencyFactors = [null, 0.75, 0.9];

    [Fact]
    public void Build_CompleteRandomGraphs_SoundNeverMissesLooseLimitsAndNearOptimal()
    {
        var stats = new QualityStats();
        var random = new Random(2024);
        for (int n = 3; n <= 7; n++)
        {
            for (int instance = 0; instance < 14; instance++)
            {
                var w = n % 2 == 0 ? RandomGraphs.Complete(random, n) : RandomGraphs.Euclidean(random, n);
                CheckAllConstraints(w, TreeOracle.AllTreesOfCompleteGraph(w), stats, complete: true);
            }
        }

        Report(stats);
        Assert.Equal(0, stats.LooseMisses);
        Assert.True(stats.LooseFeasible > 500, $"only {stats.LooseFeasible} loose instances");
        Assert.True(stats.MissRate <= 0.02, $"miss rate {stats.MissRate:P2} is above 2%");
        Assert.True(stats.MeanRatio <= 1.03, $"mean cost ratio {stats.MeanRatio:0.0000} is above 1.03");
    }

    [Fact]
    public void Build_SparseConnectedGraphs_SoundAndRarelyMisses()
    {
        var stats = new QualityStats();
        var random = new Random(77);
        for (int instance = 0; instance < 70; instance++)
        {
            int n = 4 + random.Next(5);
            var w = RandomGraphs.Connected(random, n, extra: 1 + random.Next(n));
            CheckAllConstraints(w, TreeOracle.AllTreesOfGraph(w), stats, complete: false);
        }

        Report(stats);
        Assert.True(stats.Feasible > 500, $"only {stats.Feasible} feasible instances");
        Assert.True(stats.MissRate <= 0.05, $"miss rate {stats.MissRate:P2} is above 5%");
        Assert.True(stats.MeanRatio <= 1.05, $"mean cost ratio {stats.MeanRatio:0.0000} is above 1.05");
    }

    private void Report(QualityStats stats)
    {
        output.WriteLine(stats.Report());
        foreach (string miss in stats.Detail)
        {
            output.WriteLine(miss);
        }
    }

    private static void CheckAllConstraints(WeightMatrix w, IEnumerable<WeightedEdge[]> allTrees, QualityStats stats, bool complete)
    {
        int n = w.Count;
        var allTreesList = allTrees.ToList();
        var trees = allTreesList.Select(t => TreeOracle.Measure(n, t)!).ToList();
        var mst = MinimumSpanningTree.Prim(w).GetTree();
        foreach (int? d in Degrees)
        {
            foreach (int? h in Hops)
            {
                foreach (double? factor in LatencyFactors)
                {
                    if (d is null && h is null && factor is null)
                    {
                        continue;
                    }

                    var c = new TreeConstraints { MaxDegree = d, MaxHopDiameter = h, MaxLatencyDiameterMs = factor * mst.LatencyDiameter };
                    double? optimum = trees.Where(t => TreeOracle.Meets(t, c)).Select(t => (double?)t.Cost).Min();
                    var result = ConstrainedSpanningTree.Build(w, c);
                    string what = $"n={n} {c.Describe()} (optimum {optimum?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {result}";
                    if (result.Succeeded)
                    {
                        var m = TreeOracle.Verify(w, result.Tree);
                        Assert.True(TreeOracle.Meets(m, c), $"infeasible tree returned: {what}");
                        Assert.NotNull(optimum);
                        Assert.True(m.Cost >= optimum.Value - 1e-9, $"below the brute-force optimum: {what}");
                        if (result.IsOptimal || mst.Satisfies(c))
                        {
                            Assert.True(result.IsOptimal, what);
                            Assert.Equal(optimum.Value, m.Cost, 9);
                        }
                    }
                    else
                    {
                        Assert.True(optimum is null || result.Failure.Kind == TreeFailureKind.NotFound, $"claims infeasible but a tree exists: {what}");
                        Assert.Contains(c.Describe(), result.Failure.Reason, StringComparison.Ordinal);
                    }

                    bool loose = complete && (d ?? int.MaxValue) >= 3 && (h ?? int.MaxValue) >= 4 && factor is null;
                    stats.Record(optimum, result.Tree?.Cost, loose);
                    if (optimum is double o && result.Succeeded && result.Tree.Cost > 1.5 * o)
                    {
                        var opt = allTreesList.First(t => TreeOracle.Meets(TreeOracle.Measure(n, t)!, c) && Math.Abs(TreeOracle.Measure(n, t)!.Cost - o) < 1e-9);
                        stats.Detail.Add($"BAD n={n} {c.Describe()} got {string.Join(" ", result.Tree.Edges)} opt {string.Join(" ", opt.Select(e => e.ToString()))} m={TreeOracle.Measure(n, opt)} w=[{string.Join(" ", w.Edges().Select(e => e.ToString()))}]");
                    }
                    if (optimum is not null && !result.Succeeded)
                    {
                        stats.Missed.Add($"n={n} d={d} h={h} l={factor}");
                        if (stats.Missed.Count <= 3 && complete)
                        {
                            var opt = allTreesList.First(t => TreeOracle.Meets(TreeOracle.Measure(n, t)!, c) && Math.Abs(TreeOracle.Measure(n, t)!.Cost - optimum.Value) < 1e-9);
                            stats.Detail.Add($"MISS n={n} {c.Describe()} opt {string.Join(" ", opt.Select(e => e.ToString()))} m={TreeOracle.Measure(n, opt)} w=[{string.Join(" ", w.Edges().Select(e => e.ToString()))}]");
                        }
                    }
                }
            }
        }
    }

    private sealed class QualityStats
    {
        private double _ratioSum;
        private int _both;

        public int Feasible { get; private set; }

        public int Misses { get; private set; }

        public int LooseFeasible { get; private set; }

        public int LooseMisses { get; private set; }

        public double MaxRatio { get; private set; } = 1;

        public List<string> Missed { get; } = [];

        public List<string> Detail { get; } = [];

        public double MissRate => Feasible == 0 ? 0 : (double)Misses / Feasible;

        public double MeanRatio => _both == 0 ? 1 : _ratioSum / _both;

        public void Record(double? optimum, double? found, bool loose)
        {
            if (optimum is not double best)
            {
                return;
            }

            Feasible++;
            LooseFeasible += loose ? 1 : 0;
            if (found is not double cost)
            {
                Misses++;
                LooseMisses += loose ? 1 : 0;
                return;
            }

            double ratio = best > 0 ? cost / best : 1;
            _ratioSum += ratio;
            _both++;
            MaxRatio = Math.Max(MaxRatio, ratio);
        }

        public string Report() => string.Create(
            CultureInfo.InvariantCulture,
            $"feasible instances {Feasible}, missed {Misses} ({MissRate:P2}); loose {LooseFeasible}, missed {LooseMisses}; cost / optimum mean {MeanRatio:0.0000}, max {MaxRatio:0.0000}");
    }
}
