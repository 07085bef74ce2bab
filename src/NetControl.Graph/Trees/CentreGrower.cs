namespace NetControl.Graph.Trees;

/// <summary>
/// Grows one spanning tree from a <see cref="TreeCentre"/>, Prim-style, in O(n^2) plus O(open parents) per node whose parent filled up:
/// a node may become a parent only while its degree is below the limit and it is shallower than the centre's depth
/// limit, and a child must stay within the centre's radius. Each outside node keeps its best feasible parent under
/// the <see cref="GrowthStrategy"/>; when that parent fills up, the node's key is re-evaluated over the open parents
/// during the next scan. Buffers are reused across calls; one grower per thread.
/// </summary>
internal sealed class CentreGrower
{
    private readonly double[] _w;
    private readonly int _n;
    private readonly int _degreeLimit;
    private readonly double[] _key;
    private readonly double[] _edge;
    private readonly int[] _candidate;
    private readonly int[] _outside;
    private readonly int[] _order;
    private readonly byte[] _side;
    private readonly int[] _open;
    private readonly int[] _openPosition;
    private readonly BucketLists _levels;
    private int _outsideCount;
    private int _openCount;
    private TreeCentre _centre;
    private GrowthStrategy _strategy;

    public CentreGrower(WeightMatrix weights, TreeConstraints constraints)
    {
        _w = weights.Values;
        _n = weights.Count;
        _degreeLimit = constraints.DegreeLimit;
        _key = new double[_n];
        _edge = new double[_n];
        _candidate = new int[_n];
        _outside = new int[_n];
        _order = new int[_n];
        _side = new byte[_n];
        _open = new int[_n];
        _openPosition = new int[_n];
        _levels = new BucketLists(_n);
        Parent = new int[_n];
        ParentWeight = new double[_n];
        Depth = new int[_n];
        Radius = new double[_n];
        Degree = new int[_n];
    }

    /// <summary>Parent of each node after a successful <see cref="Grow"/> (-1 at centre A).</summary>
    public int[] Parent { get; }

    public double[] ParentWeight { get; }

    /// <summary>Hops to the nearest centre node.</summary>
    public int[] Depth { get; }

    /// <summary>Weight distance to the nearest centre node.</summary>
    public double[] Radius { get; }

    public int[] Degree { get; }

    public double Cost { get; private set; }

    /// <summary>Grows a tree; false when some node could not be attached within the limits.</summary>
    public bool Grow(TreeCentre centre, GrowthStrategy strategy)
    {
        _centre = centre;
        _strategy = strategy;
        Reset();
        Cost = 0;
        int a = centre.A;
        Take(a);
        Radius[a] = centre.OffsetA;
        _side[a] = 0;
        int from = -1;
        if (centre.IsEdge)
        {
            int b = centre.B;
            double w = _w[(a * _n) + b];
            Take(b);
            Radius[b] = centre.OffsetB;
            _side[b] = 1;
            Parent[b] = a;
            ParentWeight[b] = w;
            Degree[a] = 1;
            Degree[b] = 1;
            Cost = w;
            if (CanParent(a))
            {
                AddOpen(a);
                RelaxAndFindMin(a);
            }

            if (CanParent(b))
            {
                AddOpen(b);
                from = b;
            }
        }
        else if (CanParent(a))
        {
            AddOpen(a);
            from = a;
        }

        if (strategy == GrowthStrategy.Insertion)
        {
            return GrowByInsertion();
        }

        if (strategy == GrowthStrategy.FewestParents)
        {
            return GrowByFewestParents();
        }

        while (_outsideCount > 0)
        {
            int k = RelaxAndFindMin(from);
            if (k < 0)
            {
                return false;
            }

            int u = _outside[k];
            _outside[k] = _outside[--_outsideCount];
            from = Attach(u, _candidate[u], _edge[u]) ? u : -1;
        }

        return true;
    }

    /// <summary>Hangs <paramref name="u"/> from <paramref name="p"/>; true when u can take children.</summary>
    private bool Attach(int u, int p, double w)
    {
        Parent[u] = p;
        ParentWeight[u] = w;
        _side[u] = _side[p];
        Depth[u] = Depth[p] + 1;
        Radius[u] = Radius[p] + w;
        Degree[u] = 1;
        Cost += w;
        if (++Degree[p] >= _degreeLimit)
        {
            RemoveOpen(p);
        }

        if (CanParent(u))
        {
            AddOpen(u);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Inserts the outside nodes in order of graph distance from the centre (Dijkstra's extraction order, so a
    /// node's shortest-path predecessor is always in before it), each under its cheapest feasible parent.
    /// </summary>
    private bool GrowByInsertion()
    {
        int count = ShortestPathOrder();
        for (int i = 0; i < count; i++)
        {
            int u = _order[i];
            int offset = u * _n;
            int best = -1;
            double bestWeight = double.PositiveInfinity;
            for (int k = 0; k < _openCount; k++)
            {
                int v = _open[k];
                double wv = _w[offset + v];
                if (wv < bestWeight && wv <= _centre.Radius - Radius[v])
                {
                    bestWeight = wv;
                    best = v;
                }
            }

            if (best < 0)
            {
                return false;
            }

            Attach(u, best, bestWeight);
        }

        return _outsideCount == 0;
    }

    /// <summary>
    /// Attaches next the outside node with the fewest feasible parents (the most constrained), under its cheapest
    /// one. O(n x outside x open): for small graphs, where it finds trees that cheapest-first growth strands.
    /// </summary>
    private bool GrowByFewestParents()
    {
        while (_outsideCount > 0)
        {
            int bestK = -1;
            int bestCount = int.MaxValue;
            double bestWeight = double.PositiveInfinity;
            int bestParent = -1;
            for (int k = 0; k < _outsideCount; k++)
            {
                int u = _outside[k];
                int offset = u * _n;
                int count = 0;
                double cheapest = double.PositiveInfinity;
                int parent = -1;
                for (int i = 0; i < _openCount; i++)
                {
                    int v = _open[i];
                    double wv = _w[offset + v];
                    if (wv < double.PositiveInfinity && wv <= _centre.Radius - Radius[v])
                    {
                        count++;
                        if (wv < cheapest)
                        {
                            cheapest = wv;
                            parent = v;
                        }
                    }
                }

                if (count > 0 && (count < bestCount || (count == bestCount && cheapest < bestWeight)))
                {
                    bestK = k;
                    bestCount = count;
                    bestWeight = cheapest;
                    bestParent = parent;
                }
            }

            if (bestK < 0)
            {
                return false;
            }

            int chosen = _outside[bestK];
            _outside[bestK] = _outside[--_outsideCount];
            Attach(chosen, bestParent, bestWeight);
        }

        return true;
    }

    /// <summary>Extracts the reachable outside nodes into <see cref="_order"/> by graph distance from the centre; returns how many.</summary>
    private int ShortestPathOrder()
    {
        double[] distance = _key;
        int a = _centre.A;
        int b = _centre.B;
        for (int k = 0; k < _outsideCount; k++)
        {
            int u = _outside[k];
            distance[u] = b >= 0 ? Math.Min(Radius[a] + _w[(a * _n) + u], Radius[b] + _w[(b * _n) + u]) : _w[(a * _n) + u];
        }

        int count = 0;
        while (_outsideCount > 0)
        {
            int bestK = -1;
            double best = double.PositiveInfinity;
            for (int k = 0; k < _outsideCount; k++)
            {
                if (distance[_outside[k]] < best)
                {
                    best = distance[_outside[k]];
                    bestK = k;
                }
            }

            if (bestK < 0)
            {
                break;
            }

            int x = _outside[bestK];
            _outside[bestK] = _outside[--_outsideCount];
            _order[count++] = x;
            int offset = x * _n;
            for (int k = 0; k < _outsideCount; k++)
            {
                int u = _outside[k];
                double via = best + _w[offset + u];
                if (via < distance[u])
                {
                    distance[u] = via;
                }
            }
        }

        return count;
    }

    private void Reset()
    {
        for (int i = 0; i < _n; i++)
        {
            _key[i] = double.PositiveInfinity;
            _edge[i] = double.PositiveInfinity;
            _candidate[i] = -1;
            _outside[i] = i;
            _openPosition[i] = -1;
            Parent[i] = -1;
            ParentWeight[i] = 0;
            Depth[i] = 0;
            Radius[i] = 0;
            Degree[i] = 0;
        }

        _outsideCount = _n;
        _openCount = 0;
        _levels.Clear();
    }

    /// <summary>Moves a centre node out of the outside list (only at start, when outside[i] == i or was swapped).</summary>
    private void Take(int node)
    {
        for (int k = 0; k < _outsideCount; k++)
        {
            if (_outside[k] == node)
            {
                _outside[k] = _outside[--_outsideCount];
                return;
            }
        }
    }

    private bool CanParent(int v) => Depth[v] < _centre.MaxDepth(_side[v]) && Degree[v] < _degreeLimit;

    private void AddOpen(int v)
    {
        _openPosition[v] = _openCount;
        _open[_openCount++] = v;
        _levels.Add(v, Depth[v]);
    }

    private void RemoveOpen(int v)
    {
        int k = _openPosition[v];
        if (k < 0)
        {
            return;
        }

        int last = _open[--_openCount];
        _open[k] = last;
        _openPosition[last] = k;
        _openPosition[v] = -1;
        _levels.Remove(v, Depth[v]);
    }

    /// <summary>The primary key of attaching through <paramref name="parent"/> by an edge of weight <paramref name="w"/>.</summary>
    private double KeyOf(int parent, double w) => _strategy switch
    {
        GrowthStrategy.Layered => Depth[parent],
        GrowthStrategy.ShortestPath => Radius[parent] + w,
        _ => w,
    };

    /// <summary>
    /// Relaxes the outside nodes' keys through the new parent <paramref name="from"/> (none when -1) and returns the
    /// outside position of the node with the smallest (key, edge), or -1 when no outside node can attach.
    /// </summary>
    private int RelaxAndFindMin(int from)
    {
        double[] w = _w;
        double[] key = _key;
        double[] edge = _edge;
        int[] outside = _outside;
        int count = _outsideCount;
        int best = -1;
        double bestKey = double.PositiveInfinity;
        double bestEdge = double.PositiveInfinity;
        if (from >= 0)
        {
            int offset = from * _n;
            double radiusLeft = _centre.Radius - Radius[from];
            double factor = _strategy == GrowthStrategy.Layered ? 0 : 1;
            double keyOffset = _strategy switch
            {
                GrowthStrategy.Layered => Depth[from],
                GrowthStrategy.ShortestPath => Radius[from],
                _ => 0,
            };
            for (int k = 0; k < count; k++)
            {
                int u = outside[k];
                int c = _candidate[u];
                if (c >= 0 && Degree[c] >= _degreeLimit)
                {
                    Reevaluate(u);
                }

                double wu = w[offset + u];
                if (wu <= radiusLeft && wu < double.PositiveInfinity)
                {
                    double ku = (factor * wu) + keyOffset;
                    if (ku < key[u] || (ku == key[u] && wu < edge[u]))
                    {
                        key[u] = ku;
                        edge[u] = wu;
                        _candidate[u] = from;
                    }
                }

                if (key[u] < bestKey || (key[u] == bestKey && edge[u] < bestEdge))
                {
                    bestKey = key[u];
                    bestEdge = edge[u];
                    best = k;
                }
            }
        }
        else
        {
            for (int k = 0; k < count; k++)
            {
                int u = outside[k];
                int c = _candidate[u];
                if (c >= 0 && Degree[c] >= _degreeLimit)
                {
                    Reevaluate(u);
                }

                if (key[u] < bestKey || (key[u] == bestKey && edge[u] < bestEdge))
                {
                    bestKey = key[u];
                    bestEdge = edge[u];
                    best = k;
                }
            }
        }

        return bestKey < double.PositiveInfinity ? best : -1;
    }

    /// <summary>Finds the best parent of <paramref name="u"/> among the open tree nodes.</summary>
    private void Reevaluate(int u)
    {
        if (_strategy == GrowthStrategy.Layered)
        {
            ReevaluateByLevel(u);
            return;
        }

        int offset = u * _n;
        double bestKey = double.PositiveInfinity;
        double bestEdge = double.PositiveInfinity;
        int bestParent = -1;
        for (int k = 0; k < _openCount; k++)
        {
            int v = _open[k];
            double wv = _w[offset + v];
            if (wv <= _centre.Radius - Radius[v] && wv < double.PositiveInfinity)
            {
                double kv = KeyOf(v, wv);
                if (kv < bestKey || (kv == bestKey && wv < bestEdge))
                {
                    bestKey = kv;
                    bestEdge = wv;
                    bestParent = v;
                }
            }
        }

        _key[u] = bestKey;
        _edge[u] = bestEdge;
        _candidate[u] = bestParent;
    }

    /// <summary>Layered keys put any shallower parent first: scan the open nodes level by level and stop at the first level with a fit.</summary>
    private void ReevaluateByLevel(int u)
    {
        int offset = u * _n;
        double bestEdge = double.PositiveInfinity;
        int bestParent = -1;
        int top = Math.Min(Math.Max(_centre.MaxDepthA, _centre.MaxDepthB), _n - 1);
        for (int d = 0; d <= top && bestParent < 0; d++)
        {
            for (int v = _levels.First(d); v >= 0; v = _levels.Next(v))
            {
                double wv = _w[offset + v];
                if (wv < bestEdge && wv <= _centre.Radius - Radius[v])
                {
                    bestEdge = wv;
                    bestParent = v;
                }
            }
        }

        _key[u] = bestParent >= 0 ? Depth[bestParent] : double.PositiveInfinity;
        _edge[u] = bestEdge;
        _candidate[u] = bestParent;
    }
}
