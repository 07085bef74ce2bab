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
    // What depends on the topology alone is computed once per snapshot and shared by every graph built on it (a link
    // state change builds a new graph: during a mass cut that is hundreds of graphs in a second).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NetworkTopology, Structure> Structures = new();

    private readonly Structure _structure;

    private NetworkGraph(NetworkTopology topology, LinkStateOverlay? state)
    {
        Topology = topology;
        State = state;
        _structure = Structures.GetValue(topology, t => new Structure(t));
        int m = topology.Links.Length;
        LinkState = new LinkCondition[m];
        if (state is not null)
        {
            // Only reported links differ from the initial state (up): a handful, against thousands of links.
            foreach (var (id, status) in state.Reported)
            {
                LinkState[topology.IndexOfLink(id)] = status.Condition;
            }
        }
    }

    public NetworkTopology Topology { get; }

    public LinkStateOverlay? State { get; }

    public int NodeCount => Topology.Nodes.Length;

    public int LinkCount => Topology.Links.Length;

    /// <summary>Node index of each link's A end.</summary>
    internal int[] LinkA => _structure.LinkA;

    /// <summary>Node index of each link's B end.</summary>
    internal int[] LinkB => _structure.LinkB;

    internal LinkCondition[] LinkState { get; }

    /// <summary>Adjacency in compressed rows: the arcs leaving node v are AdjacentArc[Offsets[v] .. Offsets[v+1]).</summary>
    internal int[] Offsets => _structure.Offsets;

    internal int[] AdjacentArc => _structure.AdjacentArc;

    internal string[] SrlgNames => _structure.SrlgNames;

    internal int[][] LinkSrlgs => _structure.LinkSrlgs;

    internal int[][] NodeSrlgs => _structure.NodeSrlgs;

    /// <summary>One-way latency of each link in ms; NaN where unknown. Shared: never write to it.</summary>
    internal double[] LinkLatencyMs => _structure.LatencyMs;

    /// <summary>Length of each link in km; NaN where unknown. Shared: never write to it.</summary>
    internal double[] LinkLengthKm => _structure.LengthKm;

    /// <summary>Whether each link is administratively down.</summary>
    internal bool[] LinkAdminDown => _structure.AdminDown;

    /// <summary>1 for every link (the hop metric). Shared: never write to it.</summary>
    internal double[] LinkOnes => _structure.Ones;

    /// <summary>The ports of both ends of every link (2e: A end, 2e + 1: B end), resolved on first use.</summary>
    internal Paths.Search.LinkEndPorts[] LinkEnds => _structure.LinkEnds;

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

    internal bool TryGetSrlgIndex(string id, out int index) => _structure.SrlgIndex.TryGetValue(id, out index);

    /// <summary>The index of link <paramref name="id"/>, or -1 when the topology has no such link.</summary>
    internal int IndexOfLinkOrNone(string id) => Topology.ContainsLink(id) ? Topology.IndexOfLink(id) : -1;

    /// <summary>The adjacency, SRLG and per-link values of a topology snapshot.</summary>
    private sealed class Structure
    {
        private readonly NetworkTopology _topology;
        private Paths.Search.LinkEndPorts[]? _linkEnds;

        public Structure(NetworkTopology topology)
        {
            _topology = topology;
            int n = topology.Nodes.Length;
            int m = topology.Links.Length;
            LinkA = new int[m];
            LinkB = new int[m];
            LatencyMs = new double[m];
            LengthKm = new double[m];
            Ones = new double[m];
            AdminDown = new bool[m];
            for (int e = 0; e < m; e++)
            {
                var link = topology.Links[e];
                LinkA[e] = topology.IndexOfNode(link.A.Node);
                LinkB[e] = topology.IndexOfNode(link.B.Node);
                LatencyMs[e] = link.LatencyMs ?? double.NaN;
                LengthKm[e] = link.LengthKm ?? double.NaN;
                Ones[e] = 1;
                AdminDown[e] = link.Admin == AdminState.Down;
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

            SrlgNames = topology.Srlgs.Select(s => s.Id).ToArray();
            SrlgIndex = SrlgNames.Select((s, i) => KeyValuePair.Create(s, i)).ToFrozenDictionary(StringComparer.Ordinal);
            var index = SrlgIndex;
            LinkSrlgs = [.. topology.Links.Select(l => l.Srlgs.Select(s => index[s]).Distinct().ToArray())];
            NodeSrlgs = [.. topology.Nodes.Select(v => v.Srlgs.Select(s => index[s]).Distinct().ToArray())];
        }

        public int[] LinkA { get; }

        public int[] LinkB { get; }

        public double[] LatencyMs { get; }

        public double[] LengthKm { get; }

        public double[] Ones { get; }

        public bool[] AdminDown { get; }

        public int[] Offsets { get; }

        public int[] AdjacentArc { get; }

        public string[] SrlgNames { get; }

        public FrozenDictionary<string, int> SrlgIndex { get; }

        public int[][] LinkSrlgs { get; }

        public int[][] NodeSrlgs { get; }

        public Paths.Search.LinkEndPorts[] LinkEnds => _linkEnds ??= Paths.Search.LinkEndPorts.Resolve(_topology);
    }
}
