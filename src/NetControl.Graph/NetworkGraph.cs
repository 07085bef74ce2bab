using System.Collections.Frozen;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;

namespace NetControl.Graph;

/// <summary>
/// A topology snapshot (and optionally its link state) compiled into flat arrays for fast search: nodes and
/// links by index, adjacency in compressed rows, SRLGs as integers. Immutable; build a new one when the
/// topology or the link state changes.
/// </summary>
/// <remarks>
/// Links are undirected. Traversing link <c>e</c> from its A end to its B end is arc <c>2e</c>; from B to A
/// is arc <c>2e + 1</c>.
/// </remarks>
public sealed class NetworkGraph
{
    private readonly FrozenDictionary<string, int> _srlgIndex;
    private Paths.Search.LinkEndPorts[]? _linkEnds;

    private NetworkGraph(NetworkTopology topology, LinkStateOverlay? state)
    {
        Topology = topology;
        State = state;
        int n = topology.Nodes.Length;
        int m = topology.Links.Length;
        LinkA = new int[m];
        LinkB = new int[m];
        LinkState = new LinkCondition[m];
        for (int e = 0; e < m; e++)
        {
            var link = topology.Links[e];
            LinkA[e] = topology.IndexOfNode(link.A.Node);
            LinkB[e] = topology.IndexOfNode(link.B.Node);
            LinkState[e] = state?.Get(link.Id).Condition ?? LinkCondition.Up;
        }

        Offsets = new int[n + 1];
        for (int e = 0; e < m; e++)
        {
            Offsets[LinkA[e] + 1]++;
            Offsets[LinkB[e] + 1]++;
        }

        for (int v = 0; v < n; v++)
        {
            Offsets[v + 1] += Offsets[v];
        }

        AdjacentArc = new int[2 * m];
        var fill = Offsets[..n];
        for (int e = 0; e < m; e++)
        {
            AdjacentArc[fill[LinkA[e]]++] = 2 * e;
            AdjacentArc[fill[LinkB[e]]++] = (2 * e) + 1;
        }

        var srlgNames = topology.Srlgs.Select(s => s.Id).ToArray();
        _srlgIndex = srlgNames.Select((s, i) => KeyValuePair.Create(s, i)).ToFrozenDictionary(StringComparer.Ordinal);
        SrlgNames = srlgNames;
        LinkSrlgs = [.. topology.Links.Select(l => l.Srlgs.Select(s => _srlgIndex[s]).Distinct().ToArray())];
        NodeSrlgs = [.. topology.Nodes.Select(v => v.Srlgs.Select(s => _srlgIndex[s]).Distinct().ToArray())];
    }

    public NetworkTopology Topology { get; }

    public LinkStateOverlay? State { get; }

    public int NodeCount => Topology.Nodes.Length;

    public int LinkCount => Topology.Links.Length;

    /// <summary>Node index of each link's A end.</summary>
    internal int[] LinkA { get; }

    /// <summary>Node index of each link's B end.</summary>
    internal int[] LinkB { get; }

    internal LinkCondition[] LinkState { get; }

    /// <summary>Adjacency in compressed rows: the arcs leaving node v are AdjacentArc[Offsets[v] .. Offsets[v+1]).</summary>
    internal int[] Offsets { get; }

    internal int[] AdjacentArc { get; }

    internal string[] SrlgNames { get; }

    internal int[][] LinkSrlgs { get; }

    internal int[][] NodeSrlgs { get; }

    /// <summary>The ports of both ends of every link (2e: A end, 2e + 1: B end), resolved on first use.</summary>
    internal Paths.Search.LinkEndPorts[] LinkEnds => _linkEnds ??= Paths.Search.LinkEndPorts.Resolve(Topology);

    public static NetworkGraph Build(NetworkTopology topology, LinkStateOverlay? state = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        if (state is not null && !ReferenceEquals(state.Topology, topology))
        {
            throw new ArgumentException("the link state overlay belongs to another topology snapshot", nameof(state));
        }

        return new NetworkGraph(topology, state);
    }

    internal static int LinkOf(int arc) => arc >> 1;

    internal static int Reverse(int arc) => arc ^ 1;

    internal int ArcFrom(int arc) => (arc & 1) == 0 ? LinkA[arc >> 1] : LinkB[arc >> 1];

    internal int ArcTo(int arc) => (arc & 1) == 0 ? LinkB[arc >> 1] : LinkA[arc >> 1];

    internal bool TryGetSrlgIndex(string id, out int index) => _srlgIndex.TryGetValue(id, out index);
}
