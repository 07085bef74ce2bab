namespace NetControl.Graph.Trees;

/// <summary>
/// The constrained-tree heuristic: grow a tree from each centre with the growth strategies (every strategy on small
/// graphs; on large ones the layered growth, plus shortest-path growth under a latency limit, and the others only
/// when those find nothing), improve the grown trees by subtree moves within their centre's bounds and, on small
/// graphs, by exact edge exchange, and return the cheapest that meets the constraints. Independent centres and
/// candidates run in parallel when the work is large enough to pay for it.
/// </summary>
internal static class ConstrainedTreeSearch
{
    /// <summary>Below this much work (n^2 x jobs) everything runs on the caller's thread.</summary>
    private const long ParallelWork = 1_000_000;

    /// <summary>
    /// Small graphs improve more grown trees than <see cref="ConstrainedTreeOptions.ImprovedCandidates"/>: as many as
    /// fit this much work, counted as n^3 per tree (the edge exchange's order).
    /// </summary>
    private const long ImprovementWork = 500_000;

    /// <summary>Graphs up to this size also grow most-constrained-first (O(n^3) per centre).</summary>
    private const int FewestParentsUpTo = 16;

    /// <summary>Length of the per-node lists of lightest edges the improvement searches first.</summary>
    private const int NearestListSize = 24;

    public static TreeResult Run(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options)
    {
        int n = weights.Count;
        var centres = CentreSelection.Choose(weights, constraints, options);
        var nearest = StartNearest(weights, options);
        var primary = PrimaryStrategies(constraints, n, exhaustive: n <= options.ExhaustiveUpTo);
        var found = Grow(weights, constraints, options, centres, primary);
        if (found.Count == 0)
        {
            var fallback = PrimaryStrategies(constraints, n, exhaustive: true);
            fallback.RemoveAll(primary.Contains);
            found = Grow(weights, constraints, options, centres, fallback);
        }

        if (found.Count == 0)
        {
            return constraints.MaxLatencyDiameterMs is not null
                ? Repaired(weights, constraints, options, centres.Count)
                : TreeResult.Fail(TreeFailureKind.NotFound, NotFound(constraints, centres.Count));
        }

        var chosen = Cheapest(found, ImprovedCount(n, options));
        var improved = new SpanningTree?[chosen.Count];
        var lists = nearest.Result;
        if (options.MaxParallelism > 1 && chosen.Count > 1 && (long)n * n * chosen.Count >= ParallelWork)
        {
            Parallel.For(
                0,
                chosen.Count,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism },
                i => improved[i] = Improve(weights, constraints, options, lists, chosen[i]));
        }
        else
        {
            for (int i = 0; i < chosen.Count; i++)
            {
                improved[i] = Improve(weights, constraints, options, lists, chosen[i]);
            }
        }

        SpanningTree? best = null;
        foreach (var tree in improved)
        {
            if (tree is not null && (best is null || tree.Cost < best.Cost))
            {
                best = tree;
            }
        }

        return best is not null
            ? TreeResult.Success(best, isOptimal: false)
            : TreeResult.Fail(TreeFailureKind.NotFound, NotFound(constraints, centres.Count));
    }

    private static int ImprovedCount(int n, ConstrainedTreeOptions options) =>
        (int)Math.Max(options.ImprovedCandidates, Math.Min(int.MaxValue, ImprovementWork / ((long)n * n * n)));

    private static string NotFound(TreeConstraints constraints, int centres) =>
        $"no tree with {constraints.Describe()} was found among {centres} centres";

    /// <summary>
    /// Last resort under a latency limit: grow trees that meet only the degree and hop limits, pull each within the
    /// latency limit by <see cref="LatencyRepair"/>, improve the repaired ones by exact edge exchange.
    /// </summary>
    private static TreeResult Repaired(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options, int centresTried)
    {
        int n = weights.Count;
        var relaxed = constraints with { MaxLatencyDiameterMs = null };
        var centres = CentreSelection.Choose(weights, relaxed, options);
        var found = Grow(weights, relaxed, options, centres, PrimaryStrategies(relaxed, n, exhaustive: n <= options.ExhaustiveUpTo));
        var chosen = Cheapest(found, ImprovedCount(n, options));
        var repair = new LatencyRepair(weights, constraints);
        var reconnector = new Reconnector(weights, constraints);
        SpanningTree? best = null;
        foreach (var grown in chosen)
        {
            var forest = Forest.FromParents(grown.Parent, grown.ParentWeight);
            if (!repair.TryRepair(forest, maxSteps: 4 * n))
            {
                continue;
            }

            if (n <= options.EdgeExchangeUpTo)
            {
                EdgeExchange.Improve(forest, reconnector, options.MaxImprovementPasses);
            }

            var tree = SpanningTree.FromForest(forest, grown.Centre.A, reconnector.Walker);
            if (tree.Satisfies(constraints) && (best is null || tree.Cost < best.Cost))
            {
                best = tree;
            }
        }

        return best is not null
            ? TreeResult.Success(best, isOptimal: false)
            : TreeResult.Fail(TreeFailureKind.NotFound, NotFound(constraints, centresTried + centres.Count));
    }

    /// <summary>The nearest-neighbour lists, built alongside the growth when there is a spare core.</summary>
    private static Task<NearestNeighbours> StartNearest(WeightMatrix weights, ConstrainedTreeOptions options) =>
        options.MaxParallelism > 1 && (long)weights.Count * weights.Count >= ParallelWork / 4
            ? Task.Run(() => new NearestNeighbours(weights, NearestListSize))
            : Task.FromResult(new NearestNeighbours(weights, NearestListSize));

    /// <summary>
    /// Layered growth leaves the most depth for the improvement and gives the cheapest improved trees on measured
    /// latency meshes; shortest-path growth is what reaches tight latency limits. Small graphs try everything.
    /// </summary>
    private static List<GrowthStrategy> PrimaryStrategies(TreeConstraints constraints, int n, bool exhaustive)
    {
        var strategies = new List<GrowthStrategy> { GrowthStrategy.Layered };
        if (constraints.MaxLatencyDiameterMs is not null)
        {
            strategies.Add(GrowthStrategy.ShortestPath);
        }

        if (exhaustive)
        {
            strategies.Add(GrowthStrategy.CheapestEdge);
            strategies.Add(GrowthStrategy.Insertion);
        }

        if (exhaustive && n <= FewestParentsUpTo)
        {
            strategies.Add(GrowthStrategy.FewestParents);
        }

        return strategies;
    }

    private static List<GrownTree> Grow(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options, List<TreeCentre> centres, List<GrowthStrategy> strategies)
    {
        int n = weights.Count;
        int jobs = centres.Count * strategies.Count;
        var results = new GrownTree?[jobs];
        if (options.MaxParallelism > 1 && jobs > 1 && (long)n * n * jobs >= ParallelWork)
        {
            Parallel.For(
                0,
                jobs,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism },
                () => new CentreGrower(weights, constraints),
                (job, _, grower) =>
                {
                    results[job] = GrowOne(grower, centres[job / strategies.Count], strategies[job % strategies.Count], job);
                    return grower;
                },
                static _ => { });
        }
        else
        {
            var grower = new CentreGrower(weights, constraints);
            for (int job = 0; job < jobs; job++)
            {
                results[job] = GrowOne(grower, centres[job / strategies.Count], strategies[job % strategies.Count], job);
            }
        }

        var found = new List<GrownTree>(jobs);
        foreach (var r in results)
        {
            if (r is not null)
            {
                found.Add(r);
            }
        }

        return found;
    }

    private static GrownTree? GrowOne(CentreGrower grower, TreeCentre centre, GrowthStrategy strategy, int order) =>
        grower.Grow(centre, strategy)
            ? new GrownTree(centre, strategy, (int[])grower.Parent.Clone(), (double[])grower.ParentWeight.Clone(), grower.Cost, order)
            : null;

    /// <summary>
    /// The <paramref name="count"/> cheapest grown trees, taken in turn from each growth strategy (costs before
    /// improvement are only comparable within a strategy), equal costs counted once (usually the same tree).
    /// </summary>
    private static List<GrownTree> Cheapest(List<GrownTree> found, int count)
    {
        var byStrategy = new List<List<GrownTree>>();
        foreach (var group in Distinct(found).GroupBy(static t => t.Strategy))
        {
            byStrategy.Add([.. group]);
        }

        var chosen = new List<GrownTree>(count);
        for (int rank = 0; chosen.Count < count; rank++)
        {
            bool any = false;
            foreach (var group in byStrategy)
            {
                if (rank < group.Count && chosen.Count < count)
                {
                    chosen.Add(group[rank]);
                    any = true;
                }
            }

            if (!any)
            {
                break;
            }
        }

        return chosen;
    }

    /// <summary>Grown trees by cost (ties by growth order), one per cost: equal costs are almost always the same tree.</summary>
    private static List<GrownTree> Distinct(List<GrownTree> found)
    {
        found.Sort(static (a, b) => a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Order.CompareTo(b.Order));
        var distinct = new List<GrownTree>(found.Count);
        var seen = new HashSet<double>();
        foreach (var t in found)
        {
            if (seen.Add(t.Cost))
            {
                distinct.Add(t);
            }
        }

        return distinct;
    }

    private static SpanningTree? Improve(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options, NearestNeighbours nearest, GrownTree grown)
    {
        var reparenter = new SubtreeReparenter(weights, constraints, nearest);
        reparenter.Improve(grown.Centre, grown.Parent, grown.ParentWeight, options.MaxImprovementPasses);
        var forest = Forest.FromParents(grown.Parent, grown.ParentWeight);
        var reconnector = new Reconnector(weights, constraints);
        if (weights.Count <= options.EdgeExchangeUpTo)
        {
            EdgeExchange.Improve(forest, reconnector, options.MaxImprovementPasses);
        }

        var tree = SpanningTree.FromForest(forest, grown.Centre.A, reconnector.Walker);
        return tree.Satisfies(constraints) ? tree : null;
    }
}
