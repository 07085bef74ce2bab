namespace NetControl.Graph.Trees;

/// <summary>
/// Breadth-first walks over one component of a <see cref="Forest"/> with reusable buffers: hop and weight
/// distances from the start, the walk parent of each node, and the farthest nodes by either measure. On a
/// tree with non-negative weights the farthest node from any node ends a diameter, so two walks give a
/// component's diameter and three give every node's eccentricity (the two-farthest-endpoints trick).
/// </summary>
internal sealed class ForestWalker
{
    private readonly int[] _order;
    private readonly int[] _from;
    private readonly int[] _seen;
    private int _walk;
    private int _count;

    public ForestWalker(int count)
    {
        _order = new int[count];
        _from = new int[count];
        _seen = new int[count];
        Hops = new int[count];
        Latency = new double[count];
    }

    /// <summary>Hops from the last walk's start, valid for the nodes it reached.</summary>
    public int[] Hops { get; }

    /// <summary>Weight distance from the last walk's start, valid for the nodes it reached.</summary>
    public double[] Latency { get; }

    /// <summary>Nodes reached by the last walk, in breadth-first order (the start first).</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, _count);

    /// <summary>Node the last walk reached each node from (-1 for the start).</summary>
    public ReadOnlySpan<int> From => _from;

    public int FarthestByHops { get; private set; }

    public int FarthestByLatency { get; private set; }

    /// <summary>True when the last walk reached <paramref name="node"/>.</summary>
    public bool Reached(int node) => _seen[node] == _walk;

    /// <summary>Walks the component of <paramref name="start"/>; returns its size.</summary>
    public int Walk(Forest forest, int start)
    {
        if (++_walk == int.MaxValue)
        {
            Array.Clear(_seen);
            _walk = 1;
        }

        int[] hops = Hops;
        double[] lat = Latency;
        _order[0] = start;
        _from[start] = -1;
        _seen[start] = _walk;
        hops[start] = 0;
        lat[start] = 0;
        int farH = start;
        int farL = start;
        int head = 0;
        int tail = 1;
        while (head < tail)
        {
            int x = _order[head++];
            int back = _from[x];
            var nb = forest.Neighbours(x);
            var w = forest.Weights(x);
            for (int k = 0; k < nb.Length; k++)
            {
                int y = nb[k];
                if (y == back)
                {
                    continue;
                }

                _from[y] = x;
                _seen[y] = _walk;
                hops[y] = hops[x] + 1;
                lat[y] = lat[x] + w[k];
                _order[tail++] = y;
                if (hops[y] > hops[farH])
                {
                    farH = y;
                }

                if (lat[y] > lat[farL])
                {
                    farL = y;
                }
            }
        }

        _count = tail;
        FarthestByHops = farH;
        FarthestByLatency = farL;
        return tail;
    }

    /// <summary>
    /// Profiles the component of <paramref name="start"/>: copies its nodes into <paramref name="members"/> and,
    /// when asked, each member's hop and latency eccentricity within the component into the node-indexed arrays.
    /// </summary>
    public ComponentShape Profile(Forest forest, int start, int[] members, bool hops, int[] eccHops, bool latency, double[] eccLatency)
    {
        int count = Walk(forest, start);
        Order.CopyTo(members);
        int endH = FarthestByHops;
        int endL = FarthestByLatency;
        int hopDiameter = 0;
        double latDiameter = 0;
        if (hops)
        {
            Walk(forest, endH);
            int other = FarthestByHops;
            hopDiameter = Hops[other];
            for (int k = 0; k < count; k++)
            {
                eccHops[members[k]] = Hops[members[k]];
            }

            Walk(forest, other);
            for (int k = 0; k < count; k++)
            {
                int x = members[k];
                eccHops[x] = Math.Max(eccHops[x], Hops[x]);
            }
        }

        if (latency)
        {
            Walk(forest, endL);
            int other = FarthestByLatency;
            latDiameter = Latency[other];
            for (int k = 0; k < count; k++)
            {
                eccLatency[members[k]] = Latency[members[k]];
            }

            Walk(forest, other);
            for (int k = 0; k < count; k++)
            {
                int x = members[k];
                eccLatency[x] = Math.Max(eccLatency[x], Latency[x]);
            }
        }

        return new ComponentShape(count, hopDiameter, latDiameter);
    }

    /// <summary>Hop and latency diameters of the component of <paramref name="start"/> (three walks).</summary>
    public ComponentShape Diameters(Forest forest, int start)
    {
        int count = Walk(forest, start);
        int endL = FarthestByLatency;
        Walk(forest, FarthestByHops);
        int hopDiameter = Hops[FarthestByHops];
        Walk(forest, endL);
        return new ComponentShape(count, hopDiameter, Latency[FarthestByLatency]);
    }
}
