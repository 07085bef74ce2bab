namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Names what prevents a disjoint pair: by Menger's theorem a missing link-disjoint (node-disjoint) pair
/// means one link (node) lies on every route; a missing SRLG-disjoint pair with link-disjoint pairs
/// available means every such pair shares a risk group.
/// </summary>
internal static class PairObstacle
{
    public static string Describe(CompiledRequest c, Disjointness kind)
    {
        var g = c.Graph;
        var search = new ShortestPathSearch(c);
        var any = search.Find(c.Source, c.Target, double.PositiveInfinity).Path;
        if (any is null)
        {
            return "no route satisfies the constraints";
        }

        if (kind == Disjointness.Node)
        {
            for (int i = 1; i < any.Arcs.Length; i++)
            {
                int v = g.ArcFrom(any.Arcs[i]);
                search.Bans.Clear();
                search.Bans.BanNode(v);
                if (search.Find(c.Source, c.Target, double.PositiveInfinity).Path is null)
                {
                    return $"every route passes through node {g.Topology.Nodes[v].Id}";
                }
            }
        }

        foreach (int arc in any.Arcs)
        {
            int e = NetworkGraph.LinkOf(arc);
            search.Bans.Clear();
            search.Bans.BanLink(e);
            if (search.Find(c.Source, c.Target, double.PositiveInfinity).Path is null)
            {
                return $"every route crosses link {g.Topology.Links[e].Id}";
            }
        }

        if (kind == Disjointness.Srlg)
        {
            var flow = new DisjointPairFlow(new ShortestPathSearch(c), nodeDisjoint: false).Find(c.Source, c.Target);
            if (flow is { } pair)
            {
                var shared = Risks(g, pair.First).Intersect(Risks(g, pair.Second)).Select(s => g.SrlgNames[s]).Order(StringComparer.Ordinal).ToList();
                return shared.Count > 0
                    ? $"every pair of link-disjoint routes shares a risk group (the cheapest shares {string.Join(", ", shared)})"
                    : "every pair of link-disjoint routes shares a risk group";
            }
        }

        return double.IsFinite(c.MaxLatencyMs)
            ? "no two disjoint routes both meet the latency bound"
            : "the routes that exist all overlap";
    }

    private static HashSet<int> Risks(NetworkGraph g, FoundPath path)
    {
        var risks = new HashSet<int>();
        for (int i = 0; i < path.Arcs.Length; i++)
        {
            risks.UnionWith(g.LinkSrlgs[NetworkGraph.LinkOf(path.Arcs[i])]);
            if (i > 0)
            {
                risks.UnionWith(g.NodeSrlgs[g.ArcFrom(path.Arcs[i])]);
            }
        }

        return risks;
    }
}
