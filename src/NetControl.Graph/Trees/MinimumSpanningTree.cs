namespace NetControl.Graph.Trees;

/// <summary>
/// Exact minimum spanning trees: Prim in O(n^2) time and O(n) extra memory for dense matrices (no allocation in
/// its loop), Kruskal in O(m log m) for sparse edge lists. Both return a <see cref="TreeFailureKind.Disconnected"/>
/// failure naming two nodes in different components when the graph is not connected.
/// </summary>
public static class MinimumSpanningTree
{
    /// <summary>Prim's algorithm over a dense matrix, rooted at <paramref name="root"/>.</summary>
    public static TreeResult Prim(WeightMatrix weights, int root = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, weights.Count);
        int n = weights.Count;
        var parent = new int[n];
        var parentWeight = new double[n];
        int components = BuildForest(weights, root, parent, parentWeight, out int secondRoot);
        return components == 1
            ? TreeResult.Success(new SpanningTree(parent, parentWeight), isOptimal: true)
            : TreeResult.Fail(Disconnected(weights, components, root, secondRoot));
    }

    /// <summary>Kruskal's algorithm over an edge list on nodes <c>0..nodeCount-1</c>; +infinity weights are no edge.</summary>
    public static TreeResult Kruskal(int nodeCount, IEnumerable<WeightedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        ArgumentNullException.ThrowIfNull(edges);
        var list = new List<WeightedEdge>();
        foreach (var e in edges)
        {
            if ((uint)e.U >= (uint)nodeCount || (uint)e.V >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge {e} has an endpoint outside 0..{nodeCount - 1}", nameof(edges));
            }

            WeightMatrix.ValidateWeight(e.Weight, nameof(edges));
            if (e.U != e.V && double.IsFinite(e.Weight))
            {
                list.Add(e);
            }
        }

        var sorted = list.ToArray();
        var keys = new double[sorted.Length];
        for (int k = 0; k < sorted.Length; k++)
        {
            keys[k] = sorted[k].Weight;
        }

        Array.Sort(keys, sorted);
        var sets = new DisjointSet(nodeCount);
        var chosen = new List<WeightedEdge>(nodeCount - 1);
        foreach (var e in sorted)
        {
            if (sets.Union(e.U, e.V))
            {
                chosen.Add(e);
                if (chosen.Count == nodeCount - 1)
                {
                    break;
                }
            }
        }

        if (sets.Sets > 1)
        {
            int other = 1;
            while (sets.Find(other) == sets.Find(0))
            {
                other++;
            }

            return TreeResult.Fail(Disconnected(null, sets.Sets, 0, other));
        }

        return TreeResult.Success(SpanningTree.FromEdges(nodeCount, chosen), isOptimal: true);
    }

    /// <summary>
    /// Minimum spanning forest by Prim: the component of <paramref name="root"/> first, then each further component
    /// from its lowest remaining node. Fills a parent array (-1 at each component root) and returns the number of
    /// components; <paramref name="secondRoot"/> is the root of the second component (-1 when connected).
    /// </summary>
    internal static int BuildForest(WeightMatrix weights, int root, int[] parent, double[] parentWeight, out int secondRoot)
    {
        int n = weights.Count;
        double[] w = weights.Values;
        var key = new double[n];
        var rest = new int[n];
        for (int i = 0; i < n; i++)
        {
            key[i] = double.PositiveInfinity;
            rest[i] = i;
            parent[i] = -1;
            parentWeight[i] = 0;
        }

        int restCount = n - 1;
        rest[root] = rest[restCount];
        int current = root;
        int components = 1;
        secondRoot = -1;
        while (restCount > 0)
        {
            int offset = current * n;
            int bestK = -1;
            double bestKey = double.PositiveInfinity;
            for (int k = 0; k < restCount; k++)
            {
                int u = rest[k];
                double wu = w[offset + u];
                if (wu < key[u])
                {
                    key[u] = wu;
                    parent[u] = current;
                }

                if (key[u] < bestKey)
                {
                    bestKey = key[u];
                    bestK = k;
                }
            }

            if (bestK < 0)
            {
                bestK = 0;
                for (int k = 1; k < restCount; k++)
                {
                    if (rest[k] < rest[bestK])
                    {
                        bestK = k;
                    }
                }

                components++;
                if (secondRoot < 0)
                {
                    secondRoot = rest[bestK];
                }
            }

            current = rest[bestK];
            rest[bestK] = rest[--restCount];
            if (parent[current] >= 0)
            {
                parentWeight[current] = key[current];
            }
        }

        return components;
    }

    internal static TreeFailure Disconnected(WeightMatrix? weights, int components, int a, int b)
    {
        string describeA = weights?.Describe(a) ?? a.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string describeB = weights?.Describe(b) ?? b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TreeFailure(
            TreeFailureKind.Disconnected,
            $"no spanning tree: the graph has {components} components; hosts {describeA} and {describeB} are in different ones");
    }
}
