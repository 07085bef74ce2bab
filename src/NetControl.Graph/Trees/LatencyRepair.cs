namespace NetControl.Graph.Trees;

/// <summary>
/// Brings a tree that meets the degree and hop limits within the latency limit, when the centre-based growth found
/// no tree at all: repeatedly cuts an edge of the heaviest path and rejoins the two parts by the edge that most
/// shortens the latency diameter (ties: the cheaper), keeping degree and hop diameter within their limits (checked
/// exactly with component eccentricities). Stops when the tree fits or no exchange shortens the diameter.
/// Each step costs O(path x (n + |A| x |B|)).
/// </summary>
internal sealed class LatencyRepair
{
    private readonly WeightMatrix _weights;
    private readonly TreeConstraints _constraints;
    private readonly ForestWalker _walker;
    private readonly int[] _sideA;
    private readonly int[] _sideB;
    private readonly int[] _eccHops;
    private readonly double[] _eccLatency;
    private readonly int[] _pathFrom;
    private readonly int[] _pathTo;

    public LatencyRepair(WeightMatrix weights, TreeConstraints constraints)
    {
        _weights = weights;
        _constraints = constraints;
        int n = weights.Count;
        _walker = new ForestWalker(n);
        _sideA = new int[n];
        _sideB = new int[n];
        _eccHops = new int[n];
        _eccLatency = new double[n];
        _pathFrom = new int[n];
        _pathTo = new int[n];
    }

    /// <summary>Repairs the spanning tree in place; true when it now meets the latency limit.</summary>
    public bool TryRepair(Forest forest, int maxSteps)
    {
        for (int step = 0; step <= maxSteps; step++)
        {
            double diameter = HeaviestPath(forest, out int length);
            if (_constraints.LatencyFits(diameter))
            {
                return true;
            }

            if (step == maxSteps || !TryShorten(forest, diameter, length))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Finds the heaviest path into the path buffers; returns its weight.</summary>
    private double HeaviestPath(Forest forest, out int length)
    {
        _walker.Walk(forest, 0);
        int a = _walker.FarthestByLatency;
        _walker.Walk(forest, a);
        int b = _walker.FarthestByLatency;
        double diameter = _walker.Latency[b];
        length = 0;
        for (int x = b; x != a; x = _walker.From[x])
        {
            _pathFrom[length] = _walker.From[x];
            _pathTo[length] = x;
            length++;
        }

        return diameter;
    }

    private bool TryShorten(Forest forest, double diameter, int length)
    {
        double bestDiameter = diameter - (1e-12 * Math.Max(1, diameter));
        double bestCost = double.PositiveInfinity;
        WeightedEdge cut = default;
        WeightedEdge join = default;
        bool found = false;
        for (int k = 0; k < length; k++)
        {
            int u = _pathFrom[k];
            int v = _pathTo[k];
            forest.TryGetWeight(u, v, out double w);
            forest.Cut(u, v);
            if (TryBestJoin(forest, u, v, ref bestDiameter, ref bestCost, out var candidate))
            {
                cut = new WeightedEdge(u, v, w);
                join = candidate;
                found = true;
            }

            forest.Link(u, v, w);
        }

        if (found)
        {
            forest.Cut(cut.U, cut.V);
            forest.Link(join.U, join.V, join.Weight);
        }

        return found;
    }

    private bool TryBestJoin(Forest forest, int u, int v, ref double bestDiameter, ref double bestCost, out WeightedEdge join)
    {
        join = default;
        bool hops = _constraints.MaxHopDiameter is not null;
        var a = _walker.Profile(forest, u, _sideA, hops, _eccHops, latency: true, _eccLatency);
        var b = _walker.Profile(forest, v, _sideB, hops, _eccHops, latency: true, _eccLatency);
        double floor = Math.Max(a.LatencyDiameter, b.LatencyDiameter);
        if (floor > bestDiameter || a.HopDiameter > _constraints.HopLimit || b.HopDiameter > _constraints.HopLimit)
        {
            return false;
        }

        double[] w = _weights.Values;
        int n = _weights.Count;
        int limit = _constraints.DegreeLimit;
        bool found = false;
        for (int i = 0; i < a.Size; i++)
        {
            int x = _sideA[i];
            if (forest.Degree(x) >= limit)
            {
                continue;
            }

            for (int j = 0; j < b.Size; j++)
            {
                int y = _sideB[j];
                double wy = w[(x * n) + y];
                if (!double.IsFinite(wy) || forest.Degree(y) >= limit || (hops && (long)_eccHops[x] + 1 + _eccHops[y] > _constraints.HopLimit))
                {
                    continue;
                }

                double joined = Math.Max(floor, _eccLatency[x] + wy + _eccLatency[y]);
                if (joined < bestDiameter || (joined == bestDiameter && wy < bestCost))
                {
                    bestDiameter = joined;
                    bestCost = wy;
                    join = new WeightedEdge(x, y, wy);
                    found = true;
                }
            }
        }

        return found;
    }
}
