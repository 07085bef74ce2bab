namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Minimum-total-cost pair of link- or node-disjoint paths as a two-unit minimum-cost flow (the
/// Suurballe/Bhandari result): each usable arc has capacity one; for node-disjointness every node but the
/// endpoints is split into an in and an out half joined by a unit arc. Two successive shortest augmenting
/// paths (Bellman-Ford with a queue, since residual arcs have negative costs) give an optimal flow, which is
/// then decomposed into two paths. Exact.
/// </summary>
internal sealed class DisjointPairFlow
{
    private readonly ShortestPathSearch _search;
    private readonly bool _nodeDisjoint;
    private readonly List<Edge> _edges = [];
    private readonly List<int>[] _out;
    private readonly int _n;

    public DisjointPairFlow(ShortestPathSearch search, bool nodeDisjoint)
    {
        _search = search;
        _nodeDisjoint = nodeDisjoint;
        _n = search.Request.Graph.NodeCount;
        _out = new List<int>[nodeDisjoint ? 2 * _n : _n];
        for (int i = 0; i < _out.Length; i++)
        {
            _out[i] = [];
        }
    }

    /// <summary>The pair, or null when no disjoint pair exists under the request's constraints and bans.</summary>
    public (FoundPath First, FoundPath Second)? Find(int source, int target)
    {
        var c = _search.Request;
        var g = c.Graph;
        for (int arc = 0; arc < 2 * g.LinkCount; arc++)
        {
            int u = g.ArcFrom(arc);
            int v = g.ArcTo(arc);
            if (c.IsArcAllowed(arc) && !_search.Bans.IsLinkBanned(NetworkGraph.LinkOf(arc)) && Usable(u) && Usable(v))
            {
                AddEdge(Out(u), In(v), c.Weight[NetworkGraph.LinkOf(arc)], arc);
            }
        }

        if (_nodeDisjoint)
        {
            for (int v = 0; v < _n; v++)
            {
                if (v != source && v != target && Usable(v))
                {
                    AddEdge(In(v), Out(v), 0, -1);
                }
            }
        }

        int s = Out(source);
        int t = In(target);
        for (int unit = 0; unit < 2; unit++)
        {
            if (!Augment(s, t))
            {
                return null;
            }
        }

        var first = Decompose(source, target);
        var second = Decompose(source, target);
        return (_search.Measure(first), _search.Measure(second));
    }

    private bool Usable(int v) => _search.Request.NodeAllowed[v] && !_search.Bans.IsNodeBanned(v);

    private int In(int v) => v;

    private int Out(int v) => _nodeDisjoint ? v + _n : v;

    private void AddEdge(int from, int to, double cost, int arc)
    {
        _out[from].Add(_edges.Count);
        _edges.Add(new Edge(from, to, cost, arc) { Capacity = 1 });
        _out[to].Add(_edges.Count);
        _edges.Add(new Edge(to, from, -cost, -1) { Capacity = 0 });
    }

    private bool Augment(int s, int t)
    {
        int size = _out.Length;
        var dist = new double[size];
        var via = new int[size];
        var queued = new bool[size];
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(via, -1);
        var queue = new Queue<int>();
        dist[s] = 0;
        queue.Enqueue(s);
        queued[s] = true;
        while (queue.TryDequeue(out int u))
        {
            queued[u] = false;
            foreach (int id in _out[u])
            {
                var edge = _edges[id];
                double nd = dist[u] + edge.Cost;
                if (edge.Capacity > 0 && nd < dist[edge.To] - 1e-12)
                {
                    dist[edge.To] = nd;
                    via[edge.To] = id;
                    if (!queued[edge.To])
                    {
                        queued[edge.To] = true;
                        queue.Enqueue(edge.To);
                    }
                }
            }
        }

        if (via[t] < 0)
        {
            return false;
        }

        for (int v = t; v != s; v = _edges[via[v]].From)
        {
            _edges[via[v]].Capacity--;
            _edges[via[v] ^ 1].Capacity++;
        }

        return true;
    }

    /// <summary>Follows one unit of net flow from source to target over original arcs, consuming it; cuts zero-cost loops.</summary>
    private int[] Decompose(int source, int target)
    {
        var g = _search.Request.Graph;
        var flowOnArc = new Dictionary<int, int>();
        for (int id = 0; id < _edges.Count; id += 2)
        {
            var edge = _edges[id];
            if (edge.Arc >= 0 && edge.Capacity == 0 && !edge.Consumed)
            {
                flowOnArc[edge.Arc] = id;
            }
        }

        var path = new List<int>();
        var position = new Dictionary<int, int> { [source] = 0 };
        int u = source;
        while (u != target)
        {
            int chosen = -1;
            for (int i = g.Offsets[u]; i < g.Offsets[u + 1] && chosen < 0; i++)
            {
                int arc = g.AdjacentArc[i];
                if (flowOnArc.ContainsKey(arc) && !flowOnArc.ContainsKey(NetworkGraph.Reverse(arc)))
                {
                    chosen = arc;
                }
            }

            if (chosen < 0)
            {
                throw new InvalidOperationException("flow decomposition lost its way: the flow is not a valid two-unit flow");
            }

            _edges[flowOnArc[chosen]].Consumed = true;
            flowOnArc.Remove(chosen);
            int v = g.ArcTo(chosen);
            if (position.TryGetValue(v, out int back))
            {
                // A zero-cost loop: drop it.
                for (int k = back; k < path.Count; k++)
                {
                    position.Remove(g.ArcTo(path[k]));
                }

                path.RemoveRange(back, path.Count - back);
                position[v] = back;
            }
            else
            {
                path.Add(chosen);
                position[v] = path.Count;
            }

            u = v;
        }

        return [.. path];
    }

    private sealed class Edge(int from, int to, double cost, int arc)
    {
        public int From { get; } = from;

        public int To { get; } = to;

        public double Cost { get; } = cost;

        /// <summary>The original arc this edge stands for, or -1 for reverse and node-split edges.</summary>
        public int Arc { get; } = arc;

        public int Capacity { get; set; }

        public bool Consumed { get; set; }
    }
}
