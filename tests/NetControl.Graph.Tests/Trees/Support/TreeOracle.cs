using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees.Support;

/// <summary>
/// Independent checks for spanning-tree tests: tree measures computed from scratch by all-pairs walks (not by the
/// code under test), and every spanning tree of a small graph by brute force.
/// </summary>
internal static class TreeOracle
{
    /// <summary>Cost, max degree, hop and latency diameter of a tree given as edges, or null when the edges are not a spanning tree.</summary>
    public static TreeMeasures? Measure(int n, IReadOnlyList<WeightedEdge> edges)
    {
        if (edges.Count != n - 1)
        {
            return null;
        }

        var adjacency = new List<(int To, double W)>[n];
        for (int v = 0; v < n; v++)
        {
            adjacency[v] = [];
        }

        double cost = 0;
        foreach (var e in edges)
        {
            adjacency[e.U].Add((e.V, e.Weight));
            adjacency[e.V].Add((e.U, e.Weight));
            cost += e.Weight;
        }

        int hopDiameter = 0;
        double latencyDiameter = 0;
        var hops = new int[n];
        var lat = new double[n];
        for (int s = 0; s < n; s++)
        {
            Array.Fill(hops, -1);
            hops[s] = 0;
            lat[s] = 0;
            var stack = new Stack<int>();
            stack.Push(s);
            int reached = 1;
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                foreach (var (y, w) in adjacency[x])
                {
                    if (hops[y] < 0)
                    {
                        hops[y] = hops[x] + 1;
                        lat[y] = lat[x] + w;
                        reached++;
                        stack.Push(y);
                        hopDiameter = Math.Max(hopDiameter, hops[y]);
                        latencyDiameter = Math.Max(latencyDiameter, lat[y]);
                    }
                }
            }

            if (reached != n)
            {
                return null;
            }
        }

        return new TreeMeasures(cost, adjacency.Max(a => a.Count), hopDiameter, latencyDiameter);
    }

    /// <summary>True when the measures meet every limit (latency with the library's 1e-9 relative tolerance).</summary>
    public static bool Meets(TreeMeasures m, TreeConstraints c) =>
        m.MaxDegree <= (c.MaxDegree ?? int.MaxValue)
        && m.HopDiameter <= (c.MaxHopDiameter ?? int.MaxValue)
        && (c.MaxLatencyDiameterMs is not double l || m.LatencyDiameter <= l + (1e-9 * Math.Max(1, l)));

    /// <summary>Checks a returned tree against the graph independently: its edges exist with their weights, and it spans.</summary>
    public static TreeMeasures Verify(WeightMatrix weights, SpanningTree tree)
    {
        Assert.Equal(weights.Count, tree.NodeCount);
        foreach (var e in tree.Edges)
        {
            Assert.True(weights.HasEdge(e.U, e.V), $"tree edge {e} is not in the graph");
            Assert.Equal(weights[e.U, e.V], e.Weight, 9);
        }

        var measures = Measure(weights.Count, tree.Edges);
        Assert.NotNull(measures);
        Assert.Equal(measures.Cost, tree.Cost, 6);
        Assert.Equal(measures.MaxDegree, tree.MaxDegree);
        Assert.Equal(measures.HopDiameter, tree.HopDiameter);
        Assert.Equal(measures.LatencyDiameter, tree.LatencyDiameter, 6);
        return measures;
    }

    /// <summary>Every labelled tree on a complete graph of n nodes (n^(n-2) of them), by Pruefer sequences.</summary>
    public static IEnumerable<WeightedEdge[]> AllTreesOfCompleteGraph(WeightMatrix weights)
    {
        int n = weights.Count;
        if (n == 1)
        {
            yield return [];
            yield break;
        }

        if (n == 2)
        {
            yield return [new WeightedEdge(0, 1, weights[0, 1])];
            yield break;
        }

        var sequence = new int[n - 2];
        while (true)
        {
            yield return Decode(sequence, weights);
            int k = sequence.Length - 1;
            while (k >= 0 && sequence[k] == n - 1)
            {
                sequence[k--] = 0;
            }

            if (k < 0)
            {
                yield break;
            }

            sequence[k]++;
        }
    }

    /// <summary>Every spanning tree made of graph edges: each (n-1)-subset of the edges that has no cycle.</summary>
    public static IEnumerable<WeightedEdge[]> AllTreesOfGraph(WeightMatrix weights)
    {
        int n = weights.Count;
        var edges = weights.Edges().ToArray();
        int k = n - 1;
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        var pick = new int[k];
        for (int i = 0; i < k; i++)
        {
            pick[i] = i;
        }

        while (pick.Length <= edges.Length)
        {
            var chosen = new WeightedEdge[k];
            for (int i = 0; i < k; i++)
            {
                chosen[i] = edges[pick[i]];
            }

            if (IsForest(n, chosen))
            {
                yield return chosen;
            }

            int j = k - 1;
            while (j >= 0 && pick[j] == edges.Length - k + j)
            {
                j--;
            }

            if (j < 0)
            {
                yield break;
            }

            pick[j]++;
            for (int i = j + 1; i < k; i++)
            {
                pick[i] = pick[i - 1] + 1;
            }
        }
    }

    private static bool IsForest(int n, WeightedEdge[] edges)
    {
        var root = new int[n];
        for (int i = 0; i < n; i++)
        {
            root[i] = i;
        }

        int Find(int x)
        {
            while (root[x] != x)
            {
                x = root[x];
            }

            return x;
        }

        foreach (var e in edges)
        {
            int a = Find(e.U);
            int b = Find(e.V);
            if (a == b)
            {
                return false;
            }

            root[a] = b;
        }

        return true;
    }

    private static WeightedEdge[] Decode(int[] sequence, WeightMatrix weights)
    {
        int n = sequence.Length + 2;
        var degree = new int[n];
        Array.Fill(degree, 1);
        foreach (int x in sequence)
        {
            degree[x]++;
        }

        var edges = new WeightedEdge[n - 1];
        int count = 0;
        foreach (int x in sequence)
        {
            int leaf = Array.IndexOf(degree, 1);
            edges[count++] = new WeightedEdge(leaf, x, weights[leaf, x]);
            degree[leaf]--;
            degree[x]--;
        }

        int u = Array.IndexOf(degree, 1);
        int v = Array.LastIndexOf(degree, 1);
        edges[count] = new WeightedEdge(u, v, weights[u, v]);
        return edges;
    }
}
