using NetControl.Benchmarking.Baselines;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Reporting;
using NetControl.Benchmarking.Workloads;
using NetControl.Graph.Trees;

namespace NetControl.Benchmarking.Suites;

/// <summary>Overlay trees: ours beside QuikGraph's Kruskal, and dynamic updates beside full recomputation.</summary>
public static class TreeBenchCases
{
    /// <summary>DESIGN.md: the 490-reflector tree recomputed in under 20 ms.</summary>
    public const double TreeTargetMs = 20;

    /// <summary>DESIGN.md: one link-quality change applied in under 1 ms.</summary>
    public const double UpdateTargetMs = 1;

    public static TreeConstraints OverlayLimits { get; } = new() { MaxDegree = 8, MaxHopDiameter = 10 };

    public static IEnumerable<BenchCase> Run(MeshWorkload mesh, Stopwatcher timer, bool withTargets)
    {
        var quik = new QuikGraphTrees(mesh.Weights);
        double kruskal = quik.KruskalCost();
        var mst = MinimumSpanningTree.Prim(mesh.Weights).GetTree();
        var kruskalSample = timer.Measure("QuikGraph MinimumSpanningTreeKruskal", quik.KruskalCost);
        yield return new BenchCase
        {
            Name = $"tree/{mesh.Name}/mst",
            Description = $"minimum spanning tree of the {mesh.Weights.Count}-node full mesh ({quik.EdgeCount} edges)",
            Ours = timer.Measure("NetControl MinimumSpanningTree.Prim", () => MinimumSpanningTree.Prim(mesh.Weights)),
            Baseline = kruskalSample,
            TargetMs = withTargets ? TreeTargetMs : null,
            Agree = Math.Abs(mst.Cost - kruskal) < 1e-6 * kruskal,
            Result = Figures(mst, mst),
        };

        var constrained = ConstrainedSpanningTree.Build(mesh.Weights, OverlayLimits);
        yield return new BenchCase
        {
            Name = $"tree/{mesh.Name}/degree8-hops10",
            Description = $"cheapest tree found with degree <= 8 and hop diameter <= 10 ({mesh.Weights.Count} nodes)",
            Ours = timer.Measure("NetControl ConstrainedSpanningTree.Build", () => ConstrainedSpanningTree.Build(mesh.Weights, OverlayLimits)),
            Baseline = kruskalSample,
            BaselineNote = "QuikGraph has no constrained tree: the baseline is its unconstrained Kruskal MST",
            TargetMs = withTargets ? TreeTargetMs : null,
            Result = constrained.Succeeded ? Figures(constrained.Tree, mst) : new Dictionary<string, double> { ["found"] = 0 },
        };

        yield return Update(mesh, TreeConstraints.None, "mst", timer, withTargets, quik);
        yield return Update(mesh, OverlayLimits, "degree8-hops10", timer, withTargets, quik);
    }

    private static BenchCase Update(MeshWorkload mesh, TreeConstraints limits, string label, Stopwatcher timer, bool withTargets, QuikGraphTrees quik)
    {
        var dynamic = new DynamicSpanningTree(mesh.Weights, limits);
        // Each change is drawn from the tree as it is when applied (a few random draws inside the timed call).
        var changes = new TreeChangeStream(mesh.Weights, dynamic);
        int next = 0;
        int changed = 0;
        int recomputed = 0;
        var sample = timer.Measure("NetControl DynamicSpanningTree.Update", () =>
        {
            var (i, j, rtt) = changes.Next();
            next++;
            var change = dynamic.Update(i, j, rtt);
            changed += change.Kind == TreeChangeKind.Unchanged ? 0 : 1;
            recomputed += change.Kind == TreeChangeKind.Recomputed ? 1 : 0;
            return change;
        });
        var tree = dynamic.Tree!;
        return new BenchCase
        {
            Name = $"tree/{mesh.Name}/update-{label}",
            Description = $"one link-quality change applied to the {(limits.IsUnconstrained ? "minimum spanning tree" : "degree <= 8, hops <= 10 tree")} without recomputation where a local move suffices (recomputed: how many fell back)",
            Ours = sample,
            Baseline = timer.Measure("QuikGraph MinimumSpanningTreeKruskal (full recomputation)", quik.KruskalCost),
            BaselineNote = "the baseline recomputes the whole MST with QuikGraph's Kruskal",
            TargetMs = withTargets ? UpdateTargetMs : null,
            Result = new Dictionary<string, double>
            {
                // Warm-up calls count too: every update applied during the measurement, how many changed the tree, and how
                // many fell back to a full recomputation (no feasible reconnection): those are timed among the others.
                ["updatesApplied"] = next,
                ["treeChanged"] = changed,
                ["recomputed"] = recomputed,
                ["finalCost"] = Math.Round(tree.Cost, 3),
                ["finalMaxDegree"] = tree.MaxDegree,
                ["finalHopDiameter"] = tree.HopDiameter,
            },
        };
    }

    private static Dictionary<string, double> Figures(SpanningTree tree, SpanningTree mst) => new()
    {
        ["cost"] = Math.Round(tree.Cost, 3),
        ["costVsMst"] = Math.Round(tree.Cost / mst.Cost, 4),
        ["maxDegree"] = tree.MaxDegree,
        ["hopDiameter"] = tree.HopDiameter,
        ["latencyDiameterMs"] = Math.Round(tree.LatencyDiameter, 3),
    };
}
