using System.Collections.Immutable;
using System.Globalization;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;

namespace NetControl.Graph.Paths.Search;

/// <summary>
/// Explains a failed request: not connected at all, or blocked, and by which constraint families. A family
/// blocks when relaxing it alone would let the request succeed; when none does alone, the failure names the
/// combination.
/// </summary>
internal static class FailureDiagnosis
{
    private const int ListedItems = 5;

    /// <param name="feasible">Whether the request compiled with the given constraint families applied succeeds.</param>
    public static PathFailure Explain(CompiledRequest full, PathRequest request, string what, Func<ConstraintKinds, bool> feasible)
    {
        var g = full.Graph;
        string from = g.Topology.Nodes[full.Source].Id;
        string to = g.Topology.Nodes[full.Target].Id;
        if (!Connected(g, full.Source, full.Target))
        {
            return new PathFailure(PathFailureKind.NoRoute, $"no route from {from} to {to}: they are in different connected parts of topology '{g.Topology.Name}'");
        }

        var active = Enum.GetValues<ConstraintKinds>()
            .Where(k => k is not ConstraintKinds.None and not ConstraintKinds.All && (full.Active & k) != 0)
            .ToList();
        if (active.Count == 0)
        {
            return new PathFailure(PathFailureKind.Blocked, $"no {what} from {from} to {to}");
        }

        var blocking = active.Where(k => feasible(ConstraintKinds.All & ~k)).ToList();
        var named = (blocking.Count > 0 ? blocking : active).Select(k => Describe(k, full, request)).ToImmutableArray();
        string message = blocking.Count switch
        {
            0 => $"no {what} from {from} to {to}: blocked by the combination of {string.Join("; ", named)}",
            1 => $"no {what} from {from} to {to}: blocked by {named[0]}",
            _ => $"no {what} from {from} to {to}: blocked by {string.Join("; ", named)} (relaxing any one would allow it)",
        };
        return new PathFailure(PathFailureKind.Blocked, message)
        {
            BlockingConstraints = named,
            BlockedByPorts = (blocking.Count > 0 ? blocking : active).Contains(ConstraintKinds.Ports),
        };
    }

    /// <summary>True when some route joins the nodes in the topology, ignoring state and constraints.</summary>
    public static bool Connected(NetworkGraph g, int source, int target)
    {
        var seen = new bool[g.NodeCount];
        var stack = new Stack<int>();
        stack.Push(source);
        seen[source] = true;
        while (stack.TryPop(out int u))
        {
            if (u == target)
            {
                return true;
            }

            for (int i = g.Offsets[u]; i < g.Offsets[u + 1]; i++)
            {
                int v = g.ArcTo(g.AdjacentArc[i]);
                if (!seen[v])
                {
                    seen[v] = true;
                    stack.Push(v);
                }
            }
        }

        return false;
    }

    private static string Describe(ConstraintKinds kind, CompiledRequest full, PathRequest request)
    {
        var g = full.Graph;
        var c = request.Constraints;
        var links = g.Topology.Links;
        return kind switch
        {
            ConstraintKinds.LinksDown => "links down: " + List(Enumerable.Range(0, g.LinkCount).Where(e => g.LinkState[e] == LinkCondition.Down).Select(e => links[e].Id)),
            ConstraintKinds.LinksAdminDown => "links administratively down: " + List(links.Where(l => l.Admin == AdminState.Down).Select(l => l.Id)),
            ConstraintKinds.LinksDegraded => "avoiding degraded links: " + List(Enumerable.Range(0, g.LinkCount).Where(e => g.LinkState[e] == LinkCondition.Degraded).Select(e => links[e].Id)),
            ConstraintKinds.ExcludedNodes => "excluded nodes: " + List(c.ExcludeNodes.Order(StringComparer.Ordinal)),
            ConstraintKinds.ExcludedLinks => "excluded links: " + List(c.ExcludeLinks.Order(StringComparer.Ordinal)),
            ConstraintKinds.ExcludedSrlgs => "excluded SRLGs: " + List(c.ExcludeSrlgs.Order(StringComparer.Ordinal)),
            ConstraintKinds.MinFreeCapacity => $"minimum free capacity {c.MinFreeCapacity}",
            ConstraintKinds.MaxLatency => string.Create(CultureInfo.InvariantCulture, $"maximum latency {c.MaxLatencyMs:0.###} ms"),
            ConstraintKinds.Ports => "busy or disabled ports",
            // The compiled weight is NaN exactly where the metric has no value (for a custom metric: where the function said so).
            ConstraintKinds.MissingMetric => $"links without a {request.Metric.ToName()} value: " +
                List(Enumerable.Range(0, g.LinkCount).Where(e => double.IsNaN(full.Weight[e])).Select(e => links[e].Id)),
            _ => kind.ToString(),
        };
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        string shown = string.Join(", ", all.Take(ListedItems));
        return all.Count > ListedItems ? $"{shown} and {all.Count - ListedItems} more" : shown;
    }
}
