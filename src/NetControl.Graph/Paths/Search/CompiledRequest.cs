using System.Diagnostics.CodeAnalysis;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;

namespace NetControl.Graph.Paths.Search;

/// <summary>
/// A request resolved against a graph: endpoint indexes, a weight per link, and which arcs and nodes may be
/// used. Only the constraint families in <see cref="Applied"/> are enforced, so diagnosis can relax them
/// one at a time. Port availability is looked up lazily, the first time a search asks about an arc (a search
/// asks only about arcs that would improve a distance, so of many parallel fibres it checks a few, not all);
/// <see cref="Active"/> completes the lookups when read (diagnosis only). Not thread-safe beyond benign races:
/// a lookup always yields the same answer.
/// </summary>
internal sealed class CompiledRequest
{
    private const sbyte PortsUnknown = 0;
    private const sbyte PortsFreeState = 1;
    private const sbyte PortsBlocked = 2;

    private readonly bool[] _linkAllowed;
    private readonly bool[] _checkPorts;
    private readonly sbyte[] _ports;
    private readonly PathConstraints _constraints;
    private ConstraintKinds _active;
    private bool _portsScanned;

    private CompiledRequest(NetworkGraph graph, int source, int target, PathMetric metric, PathConstraints constraints)
    {
        Graph = graph;
        Source = source;
        Target = target;
        Metric = metric;
        _constraints = constraints;
        Latency = graph.LinkLatencyMs;
        _linkAllowed = new bool[graph.LinkCount];
        _checkPorts = new bool[graph.LinkCount];
        _ports = new sbyte[2 * graph.LinkCount];
        NodeAllowed = new bool[graph.NodeCount];
    }

    public NetworkGraph Graph { get; }

    public int Source { get; }

    public int Target { get; }

    public PathMetric Metric { get; }

    /// <summary>Weight of each link in the metric; NaN where unknown (the arc is then not allowed). Read only: may be shared.</summary>
    public double[] Weight { get; private set; } = [];

    /// <summary>One-way latency of each link in ms; NaN where unknown. Read only: shared by every request on the graph.</summary>
    public double[] Latency { get; }

    /// <summary>True when a search may use <paramref name="arc"/>: its link passes the applied constraints and, when ports are applied, its ports are up and free.</summary>
    public bool IsArcAllowed(int arc)
    {
        int e = NetworkGraph.LinkOf(arc);
        return _linkAllowed[e] && ((Applied & ConstraintKinds.Ports) == 0 || !_checkPorts[e] || PortsOf(arc) == PortsFreeState);
    }

    public bool[] NodeAllowed { get; }

    /// <summary>Latency bound in ms, or +infinity.</summary>
    public double MaxLatencyMs { get; private set; } = double.PositiveInfinity;

    /// <summary>The constraint families that restrict something in this request (reading it looks up every port).</summary>
    public ConstraintKinds Active
    {
        get
        {
            if (!_portsScanned)
            {
                for (int arc = 0; arc < _ports.Length; arc++)
                {
                    if (_checkPorts[NetworkGraph.LinkOf(arc)] && PortsOf(arc) == PortsBlocked)
                    {
                        _active |= ConstraintKinds.Ports;
                        break;
                    }
                }

                _portsScanned = true;
            }

            return _active;
        }
    }

    public ConstraintKinds Applied { get; private set; }

    /// <summary>A latency bound that Dijkstra on the metric alone cannot honour.</summary>
    public bool NeedsResourceSearch => double.IsFinite(MaxLatencyMs) && Metric != PathMetric.Latency;

    /// <summary>Compiles a request already known to be valid (a relaxed copy of one that compiled).</summary>
    public static CompiledRequest Compile(NetworkGraph graph, int source, int target, PathRequest request, ConstraintKinds applied) =>
        TryCompile(graph, source, target, request, applied, out var compiled, out string? problem)
            ? compiled
            : throw new InvalidOperationException(problem);

    /// <summary>
    /// Compiles <paramref name="request"/>; false with the <paramref name="problem"/> when a custom weight function
    /// gives a link an infinite or negative weight (NaN is allowed: it makes the link unusable).
    /// </summary>
    public static bool TryCompile(NetworkGraph graph, int source, int target, PathRequest request, ConstraintKinds applied, out CompiledRequest compiled, [NotNullWhen(false)] out string? problem)
    {
        compiled = null!;
        var c = new CompiledRequest(graph, source, target, request.Metric, request.Constraints) { Applied = applied };
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

            if (AnyMarked(graph.NodeSrlgs[v], excludedSrlgs))
            {
                blockedBy |= ConstraintKinds.ExcludedSrlgs;
            }

            c._active |= blockedBy;
            c.NodeAllowed[v] = (blockedBy & applied) == 0;
        }

        if (double.IsFinite(constraints.MaxLatencyMs ?? double.PositiveInfinity))
        {
            c._active |= ConstraintKinds.MaxLatency;
            if ((applied & ConstraintKinds.MaxLatency) != 0)
            {
                c.MaxLatencyMs = constraints.MaxLatencyMs!.Value;
            }
        }

        var excludedLinks = new bool[graph.LinkCount];
        foreach (string id in constraints.ExcludeLinks)
        {
            if (graph.IndexOfLinkOrNone(id) is var e and >= 0)
            {
                excludedLinks[e] = true;
            }
        }

        var weight = WeightsOf(graph, request);
        bool zeroUnknown = (applied & ConstraintKinds.MissingMetric) == 0;
        bool copied = request.Metric == PathMetric.Custom;
        var latency = c.Latency;
        for (int e = 0; e < graph.LinkCount; e++)
        {
            double w = weight[e];
            if (w < 0 || double.IsInfinity(w))
            {
                problem = FormattableString.Invariant($"custom weight of link '{topology.Links[e].Id}' is {w}: it must be finite and non-negative (NaN makes a link unusable)");
                return false;
            }

            var blockedBy = LinkBlockers(graph, e, constraints, excludedLinks, excludedSrlgs, w, latency[e]);
            c._active |= blockedBy;
            if (double.IsNaN(w) && zeroUnknown)
            {
                // Diagnosis only: would the link's missing value matter if it were known? Count it as free.
                if (!copied)
                {
                    weight = (double[])weight.Clone();
                    copied = true;
                }

                weight[e] = 0;
            }

            c._linkAllowed[e] = (blockedBy & applied) == 0;
            c._checkPorts[e] = constraints.Ports is not null || HasDisabledPort(graph, 2 * e);
        }

        c.Weight = weight;
        compiled = c;
        problem = null;
        return true;
    }

    /// <summary>Whether the ports of <paramref name="arc"/> are free, looked up once (duplex: the same ports whichever way the link is crossed).</summary>
    private sbyte PortsOf(int arc)
    {
        int key = _constraints.Duplex ? arc & ~1 : arc;
        sbyte state = _ports[key];
        if (state == PortsUnknown)
        {
            state = PortsFree(Graph, key, _constraints) ? PortsFreeState : PortsBlocked;
            _ports[key] = state;
        }

        return state;
    }

    /// <summary>The weight of every link in the request's metric: a shared array for the built-in metrics, a new one for a custom metric.</summary>
    private static double[] WeightsOf(NetworkGraph graph, PathRequest request)
    {
        switch (request.Metric)
        {
            case PathMetric.Latency:
                return graph.LinkLatencyMs;
            case PathMetric.Km:
                return graph.LinkLengthKm;
            case PathMetric.Hops:
                return graph.LinkOnes;
        }

        var custom = request.CustomWeight ?? throw new ArgumentException("a custom metric needs PathRequest.CustomWeight", nameof(request));
        var weights = new double[graph.LinkCount];
        for (int e = 0; e < weights.Length; e++)
        {
            weights[e] = custom(graph.Topology.Links[e]);
        }

        return weights;
    }

    private static bool AnyMarked(int[] indexes, bool[] marked)
    {
        foreach (int i in indexes)
        {
            if (marked[i])
            {
                return true;
            }
        }

        return false;
    }

    private static ConstraintKinds LinkBlockers(
        NetworkGraph graph, int e, PathConstraints constraints, bool[] excludedLinks, bool[] excludedSrlgs, double weight, double latency)
    {
        var blocked = ConstraintKinds.None;
        var state = graph.LinkState[e];
        if (state == LinkCondition.Down)
        {
            blocked |= ConstraintKinds.LinksDown;
        }

        if (state == LinkCondition.Degraded && constraints.AvoidDegraded)
        {
            blocked |= ConstraintKinds.LinksDegraded;
        }

        if (graph.LinkAdminDown[e])
        {
            blocked |= ConstraintKinds.LinksAdminDown;
        }

        if (excludedLinks[e])
        {
            blocked |= ConstraintKinds.ExcludedLinks;
        }

        if (AnyMarked(graph.LinkSrlgs[e], excludedSrlgs))
        {
            blocked |= ConstraintKinds.ExcludedSrlgs;
        }

        if (constraints.MinFreeCapacity is { } min)
        {
            var link = graph.Topology.Links[e];
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
        return EndFree(graph.Topology, from, PortDirection.Output, constraints) && EndFree(graph.Topology, to, PortDirection.Input, constraints);
    }

    private static bool EndFree(NetworkTopology topology, LinkEndPorts end, PortDirection side, PathConstraints constraints)
    {
        if (end.Port is not { } port)
        {
            return true;
        }

        if (constraints.Duplex)
        {
            return Usable(topology, end.PortRef, end.PortIndex, port, constraints) && (end.Pair is null || Usable(topology, end.PairRef, end.PairIndex, end.Pair, constraints));
        }

        bool own = port.Direction == PortDirection.Bidirectional || port.Direction == side || end.Pair is null;
        return own ? Usable(topology, end.PortRef, end.PortIndex, port, constraints) : Usable(topology, end.PairRef, end.PairIndex, end.Pair!, constraints);
    }

    private static bool Usable(NetworkTopology topology, PortRef at, int index, Port port, PathConstraints constraints) =>
        port.Admin == AdminState.Up && (constraints.Ports?.IsFree(at, topology, index) ?? true);
}
