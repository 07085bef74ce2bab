using System.Runtime.CompilerServices;
using NetControl.Core.Topology;

namespace NetControl.Graph.Paths.Search;

/// <summary>
/// The ports one end of a link occupies, resolved once per graph: the named port and, for an input/output pair, its
/// partner (null when the end names no port). Saves a node and port lookup per end on every compiled request.
/// </summary>
internal sealed class LinkEndPorts
{
    private static readonly ConditionalWeakTable<NetworkTopology, LinkEndPorts[]> Cache = [];

    private LinkEndPorts(NetworkTopology topology, LinkEndpoint end, Port? port, Port? pair)
    {
        Port = port;
        Pair = pair;
        PortRef = port is null ? default : new PortRef(end.Node, port.Name);
        PairRef = pair is null ? default : new PortRef(end.Node, pair.Name);
        PortIndex = port is null ? -1 : topology.IndexOfPort(PortRef);
        PairIndex = pair is null ? -1 : topology.IndexOfPort(PairRef);
        AnyDisabled = (port?.Admin == AdminState.Down) || (pair?.Admin == AdminState.Down);
    }

    public Port? Port { get; }

    public Port? Pair { get; }

    public PortRef PortRef { get; }

    public PortRef PairRef { get; }

    /// <summary><see cref="NetworkTopology.IndexOfPort"/> of <see cref="PortRef"/> (-1 without a port).</summary>
    public int PortIndex { get; }

    /// <summary><see cref="NetworkTopology.IndexOfPort"/> of <see cref="PairRef"/> (-1 without a pair).</summary>
    public int PairIndex { get; }

    /// <summary>The port or its pair is administratively down.</summary>
    public bool AnyDisabled { get; }

    /// <summary>
    /// Both ends of every link of <paramref name="topology"/>: index 2e is link e's A end, 2e + 1 its B end. Computed
    /// once per topology snapshot (graphs are rebuilt per link-state change; the topology stays).
    /// </summary>
    public static LinkEndPorts[] Resolve(NetworkTopology topology) => Cache.GetValue(topology, ResolveNow);

    private static LinkEndPorts[] ResolveNow(NetworkTopology topology)
    {
        var ends = new LinkEndPorts[2 * topology.Links.Length];
        for (int e = 0; e < topology.Links.Length; e++)
        {
            ends[2 * e] = Of(topology, topology.Links[e].A);
            ends[(2 * e) + 1] = Of(topology, topology.Links[e].B);
        }

        return ends;
    }

    private static LinkEndPorts Of(NetworkTopology topology, LinkEndpoint end)
    {
        if (end.Port is null)
        {
            return new LinkEndPorts(topology, end, null, null);
        }

        var node = topology.GetNode(end.Node);
        var port = node.FindPort(end.Port)!;
        return new LinkEndPorts(topology, end, port, port.Pair is null ? null : node.FindPort(port.Pair)!);
    }
}
