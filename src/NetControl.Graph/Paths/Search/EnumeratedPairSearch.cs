namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Exact minimum-total-cost disjoint pair by enumeration, for the cases the flow cannot express:
/// SRLG-disjointness (NP-hard in general) and a latency bound on each path. Candidate working paths A come
/// from Yen in non-decreasing cost; for each, the best partner B is the shortest path avoiding A's links (and
/// A's transit nodes, or every link and node sharing a risk group with A). The optimal pair's cheaper path
/// costs at most half the pair, so once A costs half the best total found, the best is optimal. The
/// link-disjoint flow optimum is a lower bound that can stop the search earlier. Never "shortest path first,
/// then remove its risks": every candidate A is tried.
/// </summary>
internal sealed class EnumeratedPairSearch
{
    private const double Epsilon = 1e-9;

    private readonly CompiledRequest _c;
    private readonly Disjointness _kind;
    private readonly int _maxCandidates;

    public EnumeratedPairSearch(CompiledRequest compiled, Disjointness kind, int maxCandidates)
    {
        _c = compiled;
        _kind = kind;
        _maxCandidates = maxCandidates;
    }

    public int CandidatesExamined { get; private set; }

    public PairOutcome Find(double lowerBound)
    {
        var yen = new YenEnumerator(new ShortestPathSearch(_c), _c.Source, _c.Target, _c.MaxLatencyMs);
        var partner = new ShortestPathSearch(_c);
        (FoundPath A, FoundPath B)? best = null;
        double bestTotal = double.PositiveInfinity;
        foreach (var a in yen.Enumerate())
        {
            if (best is not null && ((2 * a.Cost) >= bestTotal - Epsilon || bestTotal <= lowerBound + Epsilon))
            {
                return new PairOutcome(best, PairStatus.Optimal);
            }

            if (CandidatesExamined >= _maxCandidates)
            {
                return new PairOutcome(best, PairStatus.LimitReached);
            }

            CandidatesExamined++;
            BanConflicts(partner.Bans, a);
            var b = partner.Find(_c.Source, _c.Target, _c.MaxLatencyMs);
            if (b.LimitReached)
            {
                return new PairOutcome(best, PairStatus.LimitReached);
            }

            if (b.Path is { } found && a.Cost + found.Cost < bestTotal - Epsilon)
            {
                best = (a, found);
                bestTotal = a.Cost + found.Cost;
            }
        }

        if (yen.LimitReached)
        {
            return new PairOutcome(best, PairStatus.LimitReached);
        }

        return new PairOutcome(best, best is null ? PairStatus.NoneExists : PairStatus.Optimal);
    }

    private void BanConflicts(SearchBans bans, FoundPath a)
    {
        var g = _c.Graph;
        bans.Clear();
        foreach (int arc in a.Arcs)
        {
            bans.BanLink(NetworkGraph.LinkOf(arc));
        }

        if (_kind == Disjointness.Node)
        {
            for (int i = 1; i < a.Arcs.Length; i++)
            {
                bans.BanNode(g.ArcFrom(a.Arcs[i]));
            }
        }

        if (_kind != Disjointness.Srlg)
        {
            return;
        }

        var risks = new HashSet<int>();
        foreach (int arc in a.Arcs)
        {
            risks.UnionWith(g.LinkSrlgs[NetworkGraph.LinkOf(arc)]);
        }

        for (int i = 1; i < a.Arcs.Length; i++)
        {
            risks.UnionWith(g.NodeSrlgs[g.ArcFrom(a.Arcs[i])]);
        }

        if (risks.Count == 0)
        {
            return;
        }

        for (int e = 0; e < g.LinkCount; e++)
        {
            if (Array.Exists(g.LinkSrlgs[e], risks.Contains))
            {
                bans.BanLink(e);
            }
        }

        for (int v = 0; v < g.NodeCount; v++)
        {
            if (v != _c.Source && v != _c.Target && Array.Exists(g.NodeSrlgs[v], risks.Contains))
            {
                bans.BanNode(v);
            }
        }
    }
}
