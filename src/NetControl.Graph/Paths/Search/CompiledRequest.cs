using NetControl.Core.LinkState;
using NetControl.Core.Topology;

namespace NetControl.Graph.Paths.Search;

/// <summary>
/// A request resolved against a graph: endpoint indexes, a weight per link, and which arcs and nodes may be
/// used. Only the constraint families in <see cref="Applied"/> are enforced, so diagnosis can relax them
/// one at a time.
/// </summary>
internal sealed class CompiledRequest
{
    private CompiledRequest(NetworkGraph graph, int source, int target, PathMetric metric)
    {
        Graph = graph;
        Source = source;
        Target = target;
        Metric = metric;
        Weight = new double[graph.LinkCount];
        Latency = new double[graph.LinkCount];
        ArcAllowed = new bool[2 * graph.LinkCount];
        NodeAllowed = new bool[graph.NodeCount];
    }

    public NetworkGraph Graph { get; }

    public int Source { get; }

    public int Target { get; }

    public PathMetric Metric { get; }

    /// <summary>Weight of each link in the metric; NaN where unknown (the arc is then not allowed).</summary>
    public double[] Weight { get; }

    /// <summary>One-way latency of each link in ms; NaN where unknown.</summary>
    public double[] Latency { get; }

    public bool[] ArcAllowed { get; }

    public bool[] NodeAllowed { get; }

    /// <summary>Latency bound in ms, or +infinity.</summary>
    public double MaxLatencyMs { get; private set; } = double.PositiveInfinity;

    /// <summary>The constraint families that restrict something in this request.</summary>
    public ConstraintKinds Active { get; private set; }

    public ConstraintKinds Applied { get; private set; }

    /// <summary>A latency bound that Dijkstra on the metric alone cannot honour.</summary>
    public bool NeedsResourceSearch => double.IsFinite(MaxLatencyMs) && Metric != PathMetric.Latency;

    public static CompiledRequest Compile(NetworkGraph graph, int source, int target, PathRequest request, ConstraintKinds applied)
    {
        var c = new CompiledRequest(graph, source, target, request.Metric) { Applied = applied };
        var constraints = request.Constraints;
        var topology = graph.Topology;

        var excludedSrlgs = new bool[graph.SrlgNames.Length];
        foreach (var id in constraints.ExcludeSrlgs)
        {
            if (graph.TryGetSrlgIndex(id, out int s))
            {
                excludedSrlgs[s] = true;
            }
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            var node = topology.Nodes[v];
            var blockedBy = ConstraintKinds.None;
            if (constraints.ExcludeNodes.Contains(node.Id))
            {
                blockedBy |= ConstraintKinds.ExcludedNodes;
            }

            if (graph.NodeSrlgs[v].Any(s => excludedSrlgs[s]))
            {
                blockedBy |= ConstraintKinds.ExcludedSrlgs;
            }

            c.Active |= blockedBy;
            c.NodeAllowed[v] = (blockedBy & applied) == 0;
        }

        if (double.IsFinite(constraints.MaxLatencyMs ?? double.PositiveInfinity))
        {
            c.Active |= ConstraintKinds.MaxLatency;
            if ((applied & ConstraintKinds.MaxLatency) != 0)
            {
                c.MaxLatencyMs = constraints.MaxLatencyMs!.Value;
            }
        }

        for (int e = 0; e < graph.LinkCount; e++)
        {
            var link = topology.Links[e];
            c.Latency[e] = link.LatencyMs ?? double.NaN;
            c.Weight[e] = WeightOf(link, request);
            var blockedBy = LinkBlockers(graph, e, link, request, excludedSrlgs, c.Weight[e], c.Latency[e]);
            c.Active |= blockedBy;
            if (double.IsNaN(c.Weight[e]) && (applied & ConstraintKinds.MissingMetric) == 0)
            {
                // Diagnosis only: would the link's missing value matter if it were known? Count it as free.
                c.Weight[e] = 0;
            }

            bool linkAllowed = (blockedBy & applied) == 0;
            bool checkPorts = constraints.Ports is not null || HasDisabledPort(graph, 2 * e);
            var duplexBlock = ConstraintKinds.None;
            for (int dir = 0; dir < 2; dir++)
            {
                int arc = (2 * e) + dir;

                // Duplex needs the same ports whichever way the link is crossed: look once.
                var portBlock = !checkPorts ? ConstraintKinds.None
                    : constraints.Duplex && dir == 1 ? duplexBlock
                    : PortsFree(graph, arc, constraints) ? ConstraintKinds.None : ConstraintKinds.Ports;
                duplexBlock = portBlock;
                c.Active |= portBlock;
                c.ArcAllowed[arc] = linkAllowed && (portBlock & applied) == 0;
            }
        }

        return c;
    }

    private static double WeightOf(Link link, PathRequest request)
    {
        double w = request.Metric switch
        {
            PathMetric.Latency => link.LatencyMs ?? double.NaN,
            PathMetric.Km => link.LengthKm ?? double.NaN,
            PathMetric.Hops => 1,
            _ => (request.CustomWeight ?? throw new ArgumentException("a custom metric needs PathRequest.CustomWeight", nameof(request)))(link),
        };
        if (w < 0 || double.IsInfinity(w))
        {
            throw new ArgumentOutOfRangeException(nameof(request), w, $"weight of link '{link.Id}' must be finite and non-negative (NaN makes a link unusable)");
        }

        return w;
    }

    private static ConstraintKinds LinkBlockers(
        NetworkGraph graph, int e, Link link, PathRequest request, bool[] excludedSrlgs, double weight, double latency)
    {
        var constraints = request.Constraints;
        var blocked = ConstraintKinds.None;
        if (graph.LinkState[e] == LinkCondition.Down)
        {
            blocked |= ConstraintKinds.LinksDown;
        }

        if (graph.LinkState[e] == LinkCondition.Degraded && constraints.AvoidDegraded)
        {
            blocked |= ConstraintKinds.LinksDegraded;
        }

        if (link.Admin == AdminState.Down)
        {
            blocked |= ConstraintKinds.LinksAdminDown;
        }

        if (constraints.ExcludeLinks.Contains(link.Id))
        {
            blocked |= ConstraintKinds.ExcludedLinks;
        }

        if (graph.LinkSrlgs[e].Any(s => excludedSrlgs[s]))
        {
            blocked |= ConstraintKinds.ExcludedSrlgs;
        }

        if (constraints.MinFreeCapacity is { } min)
        {
            var free = constraints.FreeCapacity is { } f ? f(link) : link.Capacity;
            if (free is null || free.Value < min)
            {
                blocked |= ConstraintKinds.MinFreeCapacity;
            }
        }

        if (constraints.MaxLatencyMs is not null && double.IsNaN(latency))
        {
            blocked |= ConstraintKinds.MaxLatency;
        }

        if (double.IsNaN(weight))
        {
            blocked |= ConstraintKinds.MissingMetric;
        }

        return blocked;
    }

    private static bool HasDisabledPort(NetworkGraph graph, int arc)
    {
        int e = NetworkGraph.LinkOf(arc);
        return graph.LinkEnds[2 * e].AnyDisabled || graph.LinkEnds[(2 * e) + 1].AnyDisabled;
    }

    /// <summary>True when every port the arc needs (both fibres for duplex, one side each for simplex) is up and free.</summary>
    private static bool PortsFree(NetworkGraph graph, int arc, PathConstraints constraints)
    {
        int e = NetworkGraph.LinkOf(arc);
        bool forward = (arc & 1) == 0;
        var from = graph.LinkEnds[(2 * e) + (forward ? 0 : 1)];
        var to = graph.LinkEnds[(2 * e) + (forward ? 1 : 0)];
        return EndFree(from, PortDirection.Output, constraints) && EndFree(to, PortDirection.Input, constraints);
    }

    private static bool EndFree(LinkEndPorts end, PortDirection side, PathConstraints constraints)
    {
        if (end.Port is not { } port)
        {
            return true;
        }

        if (constraints.Duplex)
        {
            return Usable(end.PortRef, port, constraints) && (end.Pair is null || Usable(end.PairRef, end.Pair, constraints));
        }

        bool own = port.Direction == PortDirection.Bidirectional || port.Direction == side || end.Pair is null;
        return own ? Usable(end.PortRef, port, constraints) : Usable(end.PairRef, end.Pair!, constraints);
    }

    private static bool Usable(PortRef at, Port port, PathConstraints constraints) =>
        port.Admin == AdminState.Up && (constraints.Ports?.IsFree(at) ?? true);
}
