namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Yen's k shortest loopless paths, produced lazily in non-decreasing cost, over links (parallel links give
/// distinct paths). Spur paths honour the request's constraints, including what is left of the latency
/// budget after the root path. Ties are broken by hop count, then by discovery order, so output is stable.
/// </summary>
internal sealed class YenEnumerator
{
    private readonly ShortestPathSearch _search;
    private readonly int _source;
    private readonly int _target;
    private readonly double _budget;
    private readonly List<FoundPath> _accepted = [];
    private readonly PriorityQueue<FoundPath, (double Cost, int Hops, long Order)> _candidates = new();
    private readonly HashSet<int[]> _seen = new(ArcSequenceComparer.Instance);
    private long _order;

    public YenEnumerator(ShortestPathSearch search, int source, int target, double latencyBudget)
    {
        _search = search;
        _source = source;
        _target = target;
        _budget = latencyBudget;
    }

    /// <summary>True when a spur search stopped at its label limit, so the enumeration may be incomplete.</summary>
    public bool LimitReached { get; private set; }

    public IEnumerable<FoundPath> Enumerate()
    {
        _search.Bans.Clear();
        var first = _search.Find(_source, _target, _budget);
        LimitReached |= first.LimitReached;
        if (first.Path is null)
        {
            yield break;
        }

        _seen.Add(first.Path.Arcs);
        _accepted.Add(first.Path);
        yield return first.Path;

        while (true)
        {
            AddSpurCandidates(_accepted[^1]);
            if (!_candidates.TryDequeue(out var next, out _))
            {
                yield break;
            }

            _accepted.Add(next);
            yield return next;
        }
    }

    private void AddSpurCandidates(FoundPath previous)
    {
        var g = _search.Request.Graph;
        var weight = _search.Request.Weight;
        var latency = _search.Request.Latency;
        double rootCost = 0;
        double rootLatency = 0;
        for (int i = 0; i < previous.Arcs.Length; i++)
        {
            int spur = g.ArcFrom(previous.Arcs[i]);
            var bans = _search.Bans;
            bans.Clear();
            foreach (var path in _accepted)
            {
                if (path.Arcs.Length > i && SharesRoot(path.Arcs, previous.Arcs, i))
                {
                    bans.BanLink(NetworkGraph.LinkOf(path.Arcs[i]));
                }
            }

            for (int j = 0; j < i; j++)
            {
                bans.BanNode(g.ArcFrom(previous.Arcs[j]));
            }

            var spurPath = _search.Find(spur, _target, _budget - rootLatency);
            LimitReached |= spurPath.LimitReached;
            if (spurPath.Path is { } found)
            {
                var arcs = new int[i + found.Arcs.Length];
                Array.Copy(previous.Arcs, arcs, i);
                Array.Copy(found.Arcs, 0, arcs, i, found.Arcs.Length);
                if (_seen.Add(arcs))
                {
                    var candidate = new FoundPath(arcs, rootCost + found.Cost, rootLatency + found.LatencyMs);
                    _candidates.Enqueue(candidate, (candidate.Cost, arcs.Length, _order++));
                }
            }

            int e = NetworkGraph.LinkOf(previous.Arcs[i]);
            rootCost += weight[e];
            rootLatency += latency[e];
        }
    }

    private static bool SharesRoot(int[] a, int[] b, int length)
    {
        for (int j = 0; j < length; j++)
        {
            if (a[j] != b[j])
            {
                return false;
            }
        }

        return true;
    }
}
