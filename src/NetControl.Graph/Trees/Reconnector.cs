namespace NetControl.Graph.Trees;

/// <summary>
/// Joins two components of a forest with the cheapest edge that keeps the joined tree within the constraints,
/// exactly: degree after the join, and the joined diameters max(diam A, diam B, ecc_A(x) + w(x,y) + ecc_B(y)),
/// with every eccentricity of both components from the two-farthest-endpoints trick in O(n). A search costs
/// O(n + |A| x |B|). Buffers are reused; not thread-safe.
/// </summary>
internal sealed class Reconnector
{
    private readonly WeightMatrix _weights;
    private readonly TreeConstraints _constraints;
    private readonly int[] _sideA;
    private readonly int[] _sideB;
    private readonly int[] _eccHops;
    private readonly double[] _eccLatency;

    public Reconnector(WeightMatrix weights, TreeConstraints constraints)
    {
        _weights = weights;
        _constraints = constraints;
        int n = weights.Count;
        _sideA = new int[n];
        _sideB = new int[n];
        _eccHops = new int[n];
        _eccLatency = new double[n];
        Walker = new ForestWalker(n);
    }

    public ForestWalker Walker { get; }

    private bool HopsLimited => _constraints.MaxHopDiameter is not null;

    private bool LatencyLimited => _constraints.MaxLatencyDiameterMs is not null;

    /// <summary>
    /// The cheapest edge lighter than <paramref name="below"/> between the component of <paramref name="u"/> and
    /// the component of <paramref name="v"/> (disjoint, e.g. right after cutting the edge (u, v)) that keeps the
    /// joined tree within the constraints; false when there is none.
    /// </summary>
    public bool TryFindCheapest(Forest forest, int u, int v, double below, out WeightedEdge edge)
    {
        edge = default;
        int countA = Walker.Walk(forest, u);
        Walker.Order.CopyTo(_sideA);
        int countB = Walker.Walk(forest, v);
        Walker.Order.CopyTo(_sideB);
        bool diameters = HopsLimited || LatencyLimited;
        bool found = AnyCandidate(forest, countA, countB, below, out edge);
        if (!found || !diameters)
        {
            return found;
        }

        var shapeA = Walker.Profile(forest, u, _sideA, HopsLimited, _eccHops, LatencyLimited, _eccLatency);
        var shapeB = Walker.Profile(forest, v, _sideB, HopsLimited, _eccHops, LatencyLimited, _eccLatency);
        if (!Fits(shapeA) || !Fits(shapeB))
        {
            edge = default;
            return false;
        }

        return Scan(forest, countA, countB, below, out edge);
    }

    /// <summary>True when joining the components of <paramref name="x"/> and <paramref name="y"/> by their edge stays within the constraints.</summary>
    public bool CanLink(Forest forest, int x, int y)
    {
        int limit = _constraints.DegreeLimit;
        double w = _weights[x, y];
        if (!double.IsFinite(w) || forest.Degree(x) >= limit || forest.Degree(y) >= limit)
        {
            return false;
        }

        if (!HopsLimited && !LatencyLimited)
        {
            return true;
        }

        var a = Reach(forest, x, out int hopsX, out double latencyX);
        var b = Reach(forest, y, out int hopsY, out double latencyY);
        return Fits(a) && Fits(b)
            && (long)hopsX + 1 + hopsY <= _constraints.HopLimit
            && _constraints.LatencyFits(latencyX + w + latencyY);
    }

    /// <summary>Eccentricity of <paramref name="x"/> in its component and the component's diameters (three walks).</summary>
    private ComponentShape Reach(Forest forest, int x, out int hops, out double latency)
    {
        int size = Walker.Walk(forest, x);
        int endH = Walker.FarthestByHops;
        int endL = Walker.FarthestByLatency;
        hops = Walker.Hops[endH];
        latency = Walker.Latency[endL];
        Walker.Walk(forest, endH);
        int hopDiameter = Walker.Hops[Walker.FarthestByHops];
        Walker.Walk(forest, endL);
        return new ComponentShape(size, hopDiameter, Walker.Latency[Walker.FarthestByLatency]);
    }

    private bool Fits(ComponentShape shape) =>
        shape.HopDiameter <= _constraints.HopLimit && _constraints.LatencyFits(shape.LatencyDiameter);

    /// <summary>Cheapest degree-feasible crossing edge below the bound, ignoring diameters.</summary>
    private bool AnyCandidate(Forest forest, int countA, int countB, double below, out WeightedEdge edge)
    {
        double[] w = _weights.Values;
        int n = _weights.Count;
        int limit = _constraints.DegreeLimit;
        double best = below;
        int bx = -1;
        int by = -1;
        for (int i = 0; i < countA; i++)
        {
            int x = _sideA[i];
            if (forest.Degree(x) >= limit)
            {
                continue;
            }

            int offset = x * n;
            for (int j = 0; j < countB; j++)
            {
                int y = _sideB[j];
                double wy = w[offset + y];
                if (wy < best && forest.Degree(y) < limit)
                {
                    best = wy;
                    bx = x;
                    by = y;
                }
            }
        }

        edge = bx >= 0 ? new WeightedEdge(bx, by, best) : default;
        return bx >= 0;
    }

    /// <summary>Cheapest crossing edge below the bound within degree and both diameter limits.</summary>
    private bool Scan(Forest forest, int countA, int countB, double below, out WeightedEdge edge)
    {
        double[] w = _weights.Values;
        int n = _weights.Count;
        int limit = _constraints.DegreeLimit;
        long hopLimit = _constraints.HopLimit;
        double latencyLimit = _constraints.LatencyLimit + _constraints.LatencyTolerance;
        bool hopsLimited = HopsLimited;
        bool latencyLimited = LatencyLimited;
        double best = below;
        int bx = -1;
        int by = -1;
        for (int i = 0; i < countA; i++)
        {
            int x = _sideA[i];
            if (forest.Degree(x) >= limit)
            {
                continue;
            }

            long hopSlack = hopsLimited ? hopLimit - 1 - _eccHops[x] : long.MaxValue;
            double latencySlack = latencyLimited ? latencyLimit - _eccLatency[x] : double.PositiveInfinity;
            if (hopSlack < 0 || latencySlack < 0)
            {
                continue;
            }

            int offset = x * n;
            for (int j = 0; j < countB; j++)
            {
                int y = _sideB[j];
                double wy = w[offset + y];
                if (wy < best
                    && forest.Degree(y) < limit
                    && (!hopsLimited || _eccHops[y] <= hopSlack)
                    && (!latencyLimited || wy + _eccLatency[y] <= latencySlack))
                {
                    best = wy;
                    bx = x;
                    by = y;
                }
            }
        }

        edge = bx >= 0 ? new WeightedEdge(bx, by, best) : default;
        return bx >= 0;
    }
}
