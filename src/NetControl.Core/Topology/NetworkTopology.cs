using System.Collections.Frozen;
using System.Collections.Immutable;

namespace NetControl.Core.Topology;

/// <summary>
/// An immutable, validated snapshot of a network: nodes, ports, links, SRLGs and demands. Built only by
/// <see cref="TopologyBuilder"/>; every reference in it resolves.
/// </summary>
public sealed class NetworkTopology
{
    private readonly FrozenDictionary<string, int> _nodeIndex;
    private readonly FrozenDictionary<string, int> _linkIndex;
    private readonly FrozenDictionary<string, Srlg> _srlgIndex;
    private readonly ImmutableArray<int>[] _linksAt;
    private readonly int[] _firstPort;

    // Port ordinals by name for nodes with many ports, built on first use (a benign race builds one twice).
    private readonly FrozenDictionary<string, int>?[] _portOrdinals;

    internal NetworkTopology(
        string name,
        string? description,
        string? attribution,
        string? sourceFile,
        string? sourceFormat,
        ImmutableArray<Node> nodes,
        ImmutableArray<Link> links,
        ImmutableArray<Srlg> srlgs,
        ImmutableArray<Demand> demands)
    {
        Name = name;
        Description = description;
        Attribution = attribution;
        SourceFile = sourceFile;
        SourceFormat = sourceFormat;
        Nodes = nodes;
        Links = links;
        Srlgs = srlgs;
        Demands = demands;
        _nodeIndex = nodes.Select((n, i) => KeyValuePair.Create(n.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _linkIndex = links.Select((l, i) => KeyValuePair.Create(l.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _srlgIndex = srlgs.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);

        var at = new List<int>[nodes.Length];
        for (int i = 0; i < at.Length; i++)
        {
            at[i] = [];
        }

        for (int i = 0; i < links.Length; i++)
        {
            at[_nodeIndex[links[i].A.Node]].Add(i);
            at[_nodeIndex[links[i].B.Node]].Add(i);
        }

        _linksAt = [.. at.Select(l => l.ToImmutableArray())];

        // Ports are numbered densely, node after node in order, each node's in its own order.
        _firstPort = new int[nodes.Length + 1];
        _portOrdinals = new FrozenDictionary<string, int>?[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            _firstPort[i + 1] = _firstPort[i] + nodes[i].Ports.Length;
        }
    }

    /// <summary>How many ports all nodes have together: the range of <see cref="IndexOfPort"/>.</summary>
    public int PortCount => _firstPort[^1];

    /// <summary>
    /// A dense number for a port, 0 to <see cref="PortCount"/> - 1, stable for this snapshot, so that hot paths can
    /// keep per-port state in arrays; -1 when the node or port does not exist.
    /// </summary>
    public int IndexOfPort(PortRef port)
    {
        if (!_nodeIndex.TryGetValue(port.Node, out int n))
        {
            return -1;
        }

        var ports = Nodes[n].Ports;
        if (ports.Length > 16)
        {
            var byName = _portOrdinals[n] ??= ports.Select((p, i) => KeyValuePair.Create(p.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
            return byName.TryGetValue(port.Port, out int ordinal) ? _firstPort[n] + ordinal : -1;
        }

        for (int i = 0; i < ports.Length; i++)
        {
            if (string.Equals(ports[i].Name, port.Port, StringComparison.Ordinal))
            {
                return _firstPort[n] + i;
            }
        }

        return -1;
    }

    public string Name { get; }

    public string? Description { get; }

    public string? Attribution { get; }

    public string? SourceFile { get; }

    public string? SourceFormat { get; }

    /// <summary>Nodes in source order; a node's position is its index.</summary>
    public ImmutableArray<Node> Nodes { get; }

    /// <summary>Links in source order; a link's position is its index.</summary>
    public ImmutableArray<Link> Links { get; }

    /// <summary>Every SRLG declared or referenced.</summary>
    public ImmutableArray<Srlg> Srlgs { get; }

    public ImmutableArray<Demand> Demands { get; }

    public int IndexOfNode(string id) =>
        _nodeIndex.TryGetValue(id, out int i) ? i : throw new TopologyException($"unknown node '{id}' in topology '{Name}'");

    public int IndexOfLink(string id) =>
        _linkIndex.TryGetValue(id, out int i) ? i : throw new TopologyException($"unknown link '{id}' in topology '{Name}'");

    public bool ContainsNode(string id) => _nodeIndex.ContainsKey(id);

    public bool ContainsLink(string id) => _linkIndex.ContainsKey(id);

    public bool ContainsSrlg(string id) => _srlgIndex.ContainsKey(id);

    public Node GetNode(string id) => Nodes[IndexOfNode(id)];

    public Srlg GetSrlg(string id) =>
        _srlgIndex.TryGetValue(id, out var srlg) ? srlg : throw new TopologyException($"unknown SRLG '{id}' in topology '{Name}'");

    public Link GetLink(string id) => Links[IndexOfLink(id)];

    public bool TryGetNode(string id, out Node node)
    {
        if (_nodeIndex.TryGetValue(id, out int i))
        {
            node = Nodes[i];
            return true;
        }

        node = null!;
        return false;
    }

    public bool TryGetLink(string id, out Link link)
    {
        if (_linkIndex.TryGetValue(id, out int i))
        {
            link = Links[i];
            return true;
        }

        link = null!;
        return false;
    }

    /// <summary>Indexes of the links touching the node at <paramref name="nodeIndex"/>.</summary>
    public ImmutableArray<int> LinkIndexesAt(int nodeIndex) => _linksAt[nodeIndex];

    public IEnumerable<Link> LinksAt(string nodeId) => _linksAt[IndexOfNode(nodeId)].Select(i => Links[i]);

    /// <summary>
    /// Finds a node by id, else by label (case-insensitive) when exactly one node carries it: Topology Zoo
    /// ids are numbers, their labels are what people type.
    /// </summary>
    public Node ResolveNode(string idOrLabel)
    {
        if (TryGetNode(idOrLabel, out var byId))
        {
            return byId;
        }

        var matches = Nodes.Where(n => string.Equals(n.Label, idOrLabel, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new TopologyException($"no node '{idOrLabel}' in topology '{Name}' (neither an id nor a label)"),
            _ => throw new TopologyException(
                $"label '{idOrLabel}' is ambiguous in topology '{Name}': nodes {string.Join(", ", matches.Select(m => m.Id))}; use the id"),
        };
    }

    /// <summary>The subgraph of the nodes that satisfy <paramref name="keep"/> and the links and demands among them.</summary>
    public NetworkTopology InducedSubgraph(Func<Node, bool> keep, string? name = null)
    {
        var kept = Nodes.Where(keep).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var nodes = Nodes.Where(n => kept.Contains(n.Id)).Select(n => n.Site is not null && !kept.Contains(n.Site) ? n with { Site = null } : n).ToList();
        var links = Links.Where(l => kept.Contains(l.A.Node) && kept.Contains(l.B.Node)).ToList();
        var usedSrlgs = links.SelectMany(l => l.Srlgs).Concat(nodes.SelectMany(n => n.Srlgs)).ToHashSet(StringComparer.Ordinal);
        return new NetworkTopology(
            name ?? Name,
            Description,
            Attribution,
            SourceFile,
            SourceFormat,
            [.. nodes],
            [.. links],
            [.. Srlgs.Where(s => usedSrlgs.Contains(s.Id))],
            [.. Demands.Where(d => kept.Contains(d.Source) && kept.Contains(d.Target))]);
    }

    public override string ToString() => $"{Name}: {Nodes.Length} nodes, {Links.Length} links";
}
