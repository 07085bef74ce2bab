namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Single-pair searches over a <see cref="CompiledRequest"/>: Dijkstra on the metric, and an exact
/// label-setting search when a latency bound must hold while another metric is minimised (the
/// resource-constrained shortest path problem, pruned by latency and cost lower bounds to the target).
/// Buffers are reused between calls; one instance per thread.
/// </summary>
internal sealed class ShortestPathSearch
{
    /// <summary>Labels a single constrained search may create before it reports a limit.</summary>
    public const int MaxLabels = 2_000_000;

    private const double Epsilon = 1e-9;

    private readonly CompiledRequest _c;
    private readonly NetworkGraph _g;
    private readonly double[] _dist;
    private readonly int[] _prevArc;
    private readonly double[] _lowerLatency;
    private readonly double[] _lowerCost;
    private readonly PriorityQueue<int, double> _heap = new();

    public ShortestPathSearch(CompiledRequest compiled)
    {
        _c = compiled;
        _g = compiled.Graph;
        _dist = new double[_g.NodeCount];
        _prevArc = new int[_g.NodeCount];
        _lowerLatency = new double[_g.NodeCount];
        _lowerCost = new double[_g.NodeCount];
        Bans = new SearchBans(_g.NodeCount, _g.LinkCount);
    }

    public SearchBans Bans { get; }

    public CompiledRequest Request => _c;

    /// <summary>Best path from <paramref name="source"/> to <paramref name="target"/> within the latency budget, honouring bans.</summary>
    public SearchOutcome Find(int source, int target, double latencyBudget)
    {
        if (!Allowed(source) || !Allowed(target))
        {
            return SearchOutcome.None;
        }

        bool bounded = double.IsFinite(latencyBudget);
        if (bounded && _c.Metric != PathMetric.Latency)
        {
            return FindBounded(source, target, latencyBudget);
        }

        var path = Dijkstra(source, target, _c.Weight);
        if (path is not null && bounded && path.LatencyMs > latencyBudget + Epsilon)
        {
            path = null;
        }

        return new SearchOutcome(path, false);
    }

    private bool Allowed(int v) => _c.NodeAllowed[v] && !Bans.IsNodeBanned(v);

    private bool ArcUsable(int arc) => !Bans.IsLinkBanned(NetworkGraph.LinkOf(arc)) && _c.IsArcAllowed(arc);

    private FoundPath? Dijkstra(int source, int target, double[] weight)
    {
        Array.Fill(_dist, double.PositiveInfinity);
        _heap.Clear();
        _dist[source] = 0;
        _prevArc[source] = -1;
        _heap.Enqueue(source, 0);
        var offsets = _g.Offsets;
        var adjacent = _g.AdjacentArc;
        while (_heap.TryDequeue(out int u, out double du))
        {
            if (du > _dist[u])
            {
                continue;
            }

            if (u == target)
            {
                return Reconstruct(source, target);
            }

            for (int i = offsets[u]; i < offsets[u + 1]; i++)
            {
                // Distance first: an arc that would not improve is never asked about (its ports are not looked up).
                int arc = adjacent[i];
                int v = _g.ArcTo(arc);
                double nd = du + weight[NetworkGraph.LinkOf(arc)];
                if (!(nd < _dist[v]) || !Allowed(v) || !ArcUsable(arc))
                {
                    continue;
                }

                _dist[v] = nd;
                _prevArc[v] = arc;
                _heap.Enqueue(v, nd);
            }
        }

        return null;
    }

    private FoundPath Reconstruct(int source, int target)
    {
        int count = 0;
        for (int v = target; v != source; v = _g.ArcFrom(_prevArc[v]))
        {
            count++;
        }

        var arcs = new int[count];
        for (int v = target; v != source; v = _g.ArcFrom(_prevArc[v]))
        {
            arcs[--count] = _prevArc[v];
        }

        return Measure(arcs);
    }

    public FoundPath Measure(int[] arcs)
    {
        double cost = 0;
        double latency = 0;
        foreach (int arc in arcs)
        {
            int e = NetworkGraph.LinkOf(arc);
            cost += _c.Weight[e];
            latency += _c.Latency[e];
        }

        return new FoundPath(arcs, cost, latency);
    }

    /// <summary>Distances from every node to <paramref name="target"/> over usable arcs, into <paramref name="into"/>.</summary>
    private void DistancesTo(int target, double[] weight, double[] into)
    {
        Array.Fill(into, double.PositiveInfinity);
        _heap.Clear();
        into[target] = 0;
        _heap.Enqueue(target, 0);
        var offsets = _g.Offsets;
        var adjacent = _g.AdjacentArc;
        while (_heap.TryDequeue(out int v, out double dv))
        {
            if (dv > into[v])
            {
                continue;
            }

            for (int i = offsets[v]; i < offsets[v + 1]; i++)
            {
                int inbound = NetworkGraph.Reverse(adjacent[i]);
                if (!ArcUsable(inbound))
                {
                    continue;
                }

                int w = _g.ArcFrom(inbound);
                if (!Allowed(w))
                {
                    continue;
                }

                double nd = dv + weight[NetworkGraph.LinkOf(inbound)];
                if (nd < into[w])
                {
                    into[w] = nd;
                    _heap.Enqueue(w, nd);
                }
            }
        }
    }

    private SearchOutcome FindBounded(int source, int target, double budget)
    {
        DistancesTo(target, _c.Latency, _lowerLatency);
        if (_lowerLatency[source] > budget + Epsilon)
        {
            return SearchOutcome.None;
        }

        DistancesTo(target, _c.Weight, _lowerCost);
        var labels = new LabelStore(_g.NodeCount);
        var open = new PriorityQueue<int, double>();
        open.Enqueue(labels.Add(source, 0, 0, -1, -1), _lowerCost[source]);
        var offsets = _g.Offsets;
        var adjacent = _g.AdjacentArc;
        while (open.TryDequeue(out int label, out _))
        {
            if (labels.IsRemoved(label))
            {
                continue;
            }

            int u = labels.Node(label);
            if (u == target)
            {
                return new SearchOutcome(Measure(labels.Arcs(label)), false);
            }

            double cost = labels.Cost(label);
            double latency = labels.Latency(label);
            for (int i = offsets[u]; i < offsets[u + 1]; i++)
            {
                int arc = adjacent[i];
                if (!ArcUsable(arc))
                {
                    continue;
                }

                int v = _g.ArcTo(arc);
                int e = NetworkGraph.LinkOf(arc);
                double nl = latency + _c.Latency[e];
                if (!Allowed(v) || nl + _lowerLatency[v] > budget + Epsilon)
                {
                    continue;
                }

                double nc = cost + _c.Weight[e];
                if (labels.IsDominated(v, nc, nl))
                {
                    continue;
                }

                if (labels.Count >= MaxLabels)
                {
                    return new SearchOutcome(null, true);
                }

                open.Enqueue(labels.Add(v, nc, nl, label, arc), nc + _lowerCost[v]);
            }
        }

        return SearchOutcome.None;
    }
}
