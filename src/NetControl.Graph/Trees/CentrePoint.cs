namespace NetControl.Graph.Trees;

/// <summary>
/// Where on an edge (a, b) to put a latency-limited tree's centre: the point minimising the largest shortest-path
/// distance to any node (the absolute 1-centre restricted to that edge, Kariv-Hakimi). A shortest-path tree grown
/// from that point has the smallest latency diameter of any spanning tree when the edge holds the graph's absolute
/// centre.
/// </summary>
internal static class CentrePoint
{
    /// <summary>Shortest-path distances from <paramref name="source"/> (Dijkstra on the dense matrix, O(n^2)).</summary>
    public static double[] Distances(WeightMatrix weights, int source)
    {
        int n = weights.Count;
        double[] w = weights.Values;
        var distance = new double[n];
        var done = new bool[n];
        Array.Fill(distance, double.PositiveInfinity);
        distance[source] = 0;
        for (int step = 0; step < n; step++)
        {
            int x = -1;
            for (int u = 0; u < n; u++)
            {
                if (!done[u] && (x < 0 || distance[u] < distance[x]))
                {
                    x = u;
                }
            }

            if (!double.IsFinite(distance[x]))
            {
                break;
            }

            done[x] = true;
            int offset = x * n;
            for (int u = 0; u < n; u++)
            {
                double via = distance[x] + w[offset + u];
                if (via < distance[u])
                {
                    distance[u] = via;
                }
            }
        }

        return distance;
    }

    /// <summary>
    /// The offset from a (in [0, weight]) of the point on edge (a, b) that minimises max over nodes u of
    /// min(offset + d(a, u), weight - offset + d(b, u)). Nodes are split by decreasing d(a, u): the farthest from a
    /// are reached through b; each split point is balanced in O(1), O(n log n) in all.
    /// </summary>
    public static double BestOffset(double weight, double[] fromA, double[] fromB)
    {
        int n = fromA.Length;
        var order = new int[n];
        var keys = new double[n];
        for (int u = 0; u < n; u++)
        {
            order[u] = u;
            keys[u] = -fromA[u];
        }

        Array.Sort(keys, order);
        double best = double.PositiveInfinity;
        double bestOffset = weight / 2;
        double viaB = double.NegativeInfinity;
        for (int k = 0; k <= n; k++)
        {
            double viaA = k < n ? fromA[order[k]] : double.NegativeInfinity;
            double offset = double.IsNegativeInfinity(viaA) ? weight
                : double.IsNegativeInfinity(viaB) ? 0
                : Math.Clamp((weight + viaB - viaA) / 2, 0, weight);
            double value = Math.Max(offset + viaA, weight - offset + viaB);
            if (value < best)
            {
                best = value;
                bestOffset = offset;
            }

            if (k < n)
            {
                viaB = Math.Max(viaB, fromB[order[k]]);
            }
        }

        return bestOffset;
    }
}
