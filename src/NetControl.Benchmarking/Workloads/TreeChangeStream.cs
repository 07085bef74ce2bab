using NetControl.Graph.Trees;

namespace NetControl.Benchmarking.Workloads;

/// <summary>
/// Reproducible link-quality changes drawn against a <see cref="DynamicSpanningTree"/> as it evolves: alternately an
/// edge of the tree as it is at that moment (an endpoint chosen uniformly, then one of its tree neighbours) made
/// 10-60% worse or better than its original RTT, and a random pair outside the current tree made 20-70% better. A
/// list drawn once from the initial tree would, once updates move the tree, put many "tree-edge" changes on non-tree
/// edges, which are cheap no-ops. Same seed, same tree: same sequence.
/// </summary>
public sealed class TreeChangeStream
{
    private readonly WeightMatrix _original;
    private readonly DynamicSpanningTree _tree;
    private readonly Random _random;
    private long _drawn;

    /// <param name="original">The RTTs changes are relative to (the mesh the tree started from).</param>
    public TreeChangeStream(WeightMatrix original, DynamicSpanningTree tree, int seed = 7)
    {
        _original = original;
        _tree = tree;
        _random = new Random(seed);
    }

    /// <summary>The next change, against the tree as it is now.</summary>
    public (int I, int J, double Rtt) Next()
    {
        int n = _tree.Count;
        if (_drawn++ % 2 == 0)
        {
            while (true)
            {
                int u = _random.Next(n);
                var neighbours = _tree.Neighbours(u);
                if (neighbours.Length == 0)
                {
                    continue;
                }

                int v = neighbours[_random.Next(neighbours.Length)];
                double factor = _random.NextDouble() < 0.5 ? 1.1 + (_random.NextDouble() * 0.5) : 0.5 + (_random.NextDouble() * 0.4);
                return (u, v, _original[u, v] * factor);
            }
        }

        while (true)
        {
            int i = _random.Next(n);
            int j = _random.Next(n);
            if (i != j && !_tree.ContainsEdge(i, j))
            {
                return (i, j, _original[i, j] * (0.3 + (_random.NextDouble() * 0.5)));
            }
        }
    }
}
