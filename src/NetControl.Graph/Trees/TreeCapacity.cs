namespace NetControl.Graph.Trees;

/// <summary>
/// Exact counting bounds on constrained trees: the most nodes any tree with a given degree and hop-diameter limit
/// can hold (the Moore bound for trees). A graph with more nodes has no such spanning tree, whatever its edges.
/// </summary>
internal static class TreeCapacity
{
    /// <summary>Largest node count of a tree with max degree <paramref name="degree"/> and hop diameter <paramref name="hops"/>, capped at <paramref name="cap"/>.</summary>
    public static long MaxNodes(int degree, int hops, long cap)
    {
        if (hops == 0)
        {
            return 1;
        }

        if (degree == 1)
        {
            return 2;
        }

        // Even diameter 2r: a centre node with `degree` branches of depth r. Odd 2r+1: a centre edge, two sides of depth r.
        int r = hops / 2;
        long perBranch = 0;
        long level = 1;
        for (int i = 0; i < (hops % 2 == 0 ? r : r + 1) && perBranch < cap; i++)
        {
            perBranch += level;
            level = Math.Min(cap, level * (degree - 1));
        }

        long total = hops % 2 == 0 ? 1 + (degree * Math.Min(perBranch, cap)) : 2 * perBranch;
        return Math.Min(total, cap);
    }
}
