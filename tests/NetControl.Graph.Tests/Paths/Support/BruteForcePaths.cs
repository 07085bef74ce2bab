using NetControl.Core.Topology;

namespace NetControl.Graph.Tests.Paths.Support;

/// <summary>Every simple path between two nodes, by depth-first search: the oracle for small graphs.</summary>
internal static class BruteForcePaths
{
    public sealed record SimplePath(IReadOnlyList<string> Nodes, IReadOnlyList<Link> Links)
    {
        public double Km => Links.Sum(l => l.LengthKm!.Value);

        public double LatencyMs => Links.Sum(l => l.LatencyMs!.Value);

        public int Hops => Links.Count;

        public HashSet<string> Srlgs => [.. Links.SelectMany(l => l.Srlgs)];

        public IEnumerable<string> TransitNodes => Nodes.Skip(1).Take(Nodes.Count - 2);
    }

    /// <param name="hopOk">Whether a link may be crossed leaving the given node (direction-dependent rules such as simplex ports).</param>
    public static List<SimplePath> All(
        NetworkTopology t, string from, string to, Func<Link, bool>? linkOk = null, Func<string, bool>? nodeOk = null, Func<Link, string, bool>? hopOk = null)
    {
        linkOk ??= _ => true;
        nodeOk ??= _ => true;
        hopOk ??= (_, _) => true;
        var result = new List<SimplePath>();
        var nodes = new List<string> { from };
        var links = new List<Link>();
        var onPath = new HashSet<string> { from };
        void Walk(string u)
        {
            if (u == to)
            {
                result.Add(new SimplePath([.. nodes], [.. links]));
                return;
            }

            foreach (var link in t.LinksAt(u))
            {
                string v = link.OtherEnd(u).Node;
                if (onPath.Contains(v) || !linkOk(link) || !nodeOk(v) || !hopOk(link, u))
                {
                    continue;
                }

                onPath.Add(v);
                nodes.Add(v);
                links.Add(link);
                Walk(v);
                links.RemoveAt(links.Count - 1);
                nodes.RemoveAt(nodes.Count - 1);
                onPath.Remove(v);
            }
        }

        if (nodeOk(from) && nodeOk(to))
        {
            Walk(from);
        }

        return result;
    }

    public static bool LinkDisjoint(SimplePath a, SimplePath b) => !a.Links.Select(l => l.Id).Intersect(b.Links.Select(l => l.Id)).Any();

    public static bool NodeDisjoint(SimplePath a, SimplePath b) => LinkDisjoint(a, b) && !a.TransitNodes.Intersect(b.TransitNodes).Any();

    public static bool SrlgDisjoint(SimplePath a, SimplePath b) => LinkDisjoint(a, b) && !a.Srlgs.Overlaps(b.Srlgs);
}
