namespace NetControl.Graph.Trees;

/// <summary>
/// Cheap spanning trees under degree, hop-diameter and latency-diameter limits (any combination).
/// <para>
/// Exact parts: when the minimum spanning tree already meets the limits it is returned and flagged
/// <see cref="TreeResult.IsOptimal"/>; a disconnected graph, and limits no tree of that size can meet (the Moore
/// bound on degree and hop diameter), are reported as failures.
/// </para>
/// <para>
/// Heuristic part: degree-constrained and diameter-constrained minimum spanning trees are NP-hard, so otherwise the
/// tree is grown from several centres (a node, or an edge for odd hop limits and latency limits), each node staying
/// within floor(H/2) hops (edge centre: floor((H-1)/2)) and L/2 weight (edge centre: (L - w)/2) of its nearest
/// centre node, and a node taking children only while its degree is below the limit. The cheapest few grown trees
/// are improved by re-parenting subtrees and by exact edge exchanges, and the cheapest feasible one is returned. It
/// is neither proven optimal nor guaranteed to find a feasible tree when one exists (a
/// <see cref="TreeFailureKind.NotFound"/> failure says so); the tests measure both gaps against brute force.
/// </para>
/// </summary>
public static class ConstrainedSpanningTree
{
    /// <summary>The cheapest tree found within <paramref name="constraints"/>, or why there is none.</summary>
    public static TreeResult Build(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(constraints);
        var mst = MinimumSpanningTree.Prim(weights);
        if (!mst.Succeeded || constraints.IsUnconstrained || mst.Tree.Satisfies(constraints))
        {
            return mst;
        }

        int n = weights.Count;
        if (constraints.MaxHopDiameter is int hops)
        {
            long capacity = TreeCapacity.MaxNodes(constraints.MaxDegree ?? n, hops, n);
            if (capacity < n)
            {
                return TreeResult.Fail(
                    TreeFailureKind.Infeasible,
                    $"no spanning tree of {n} nodes has {constraints.Describe()}: such a tree holds at most {capacity} nodes");
            }
        }
        else if (constraints.MaxDegree is 1 && n > 2)
        {
            return TreeResult.Fail(TreeFailureKind.Infeasible, $"no spanning tree of {n} nodes has max degree 1");
        }

        return ConstrainedTreeSearch.Run(weights, constraints, options ?? ConstrainedTreeOptions.Default);
    }
}
