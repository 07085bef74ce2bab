using System.Collections.Immutable;

namespace NetControl.Core.Topology;

/// <summary>
/// Collects nodes, links, SRLGs and demands with where each came from, validates everything at once, and
/// builds an immutable <see cref="NetworkTopology"/>: all or nothing, never a half-built topology.
/// Loaders report their own format errors through <see cref="Error"/> into the same list.
/// </summary>
public sealed class TopologyBuilder
{
    private readonly List<(Node Node, SourceLocation At)> _nodes = [];
    private readonly List<(Link Link, SourceLocation At)> _links = [];
    private readonly List<(Demand Demand, SourceLocation At)> _demands = [];
    private readonly List<(Srlg Srlg, SourceLocation At)> _srlgs = [];
    private readonly List<TopologyError> _errors = [];

    public TopologyBuilder(string name)
    {
        Name = name;
    }

    public string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Where the data comes from and how to cite it (kept with copied Topology Zoo files).</summary>
    public string? Attribution { get; set; }

    /// <summary>The file the topology was read from, if any.</summary>
    public string? SourceFile { get; set; }

    /// <summary>The format it was read in ("yaml", "graphml", "sndlib").</summary>
    public string? SourceFormat { get; set; }

    /// <summary>When true, links may only name SRLGs added with <see cref="AddSrlg"/>.</summary>
    public bool RequireDeclaredSrlgs { get; set; }

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<TopologyError> Errors => _errors;

    public int NodeCount => _nodes.Count;

    public TopologyBuilder AddNode(Node node, SourceLocation? at = null)
    {
        _nodes.Add((node, at ?? SourceLocation.None));
        return this;
    }

    public TopologyBuilder AddLink(Link link, SourceLocation? at = null)
    {
        _links.Add((link, at ?? SourceLocation.None));
        return this;
    }

    public TopologyBuilder AddDemand(Demand demand, SourceLocation? at = null)
    {
        _demands.Add((demand, at ?? SourceLocation.None));
        return this;
    }

    public TopologyBuilder AddSrlg(Srlg srlg, SourceLocation? at = null)
    {
        _srlgs.Add((srlg, at ?? SourceLocation.None));
        return this;
    }

    /// <summary>Records a problem; <see cref="Build"/> will then fail with every problem recorded.</summary>
    public void Error(SourceLocation at, string message) => _errors.Add(new TopologyError(at, message));

    /// <summary>True when a node with this id has been added.</summary>
    public bool ContainsNode(string id) => _nodes.Exists(n => n.Node.Id == id);

    /// <summary>Validates and builds; throws <see cref="TopologyException"/> listing every problem.</summary>
    public NetworkTopology Build()
    {
        var errors = new List<TopologyError>(_errors);
        var nodes = ValidateNodes(errors);
        var srlgs = ValidateSrlgs(errors);
        ValidateLinks(nodes, srlgs, errors);
        ValidateDemands(nodes, errors);
        if (errors.Count > 0)
        {
            throw new TopologyException(errors);
        }

        var allSrlgs = srlgs.Values.ToList();
        foreach (var id in _links.SelectMany(l => l.Link.Srlgs).Concat(_nodes.SelectMany(n => n.Node.Srlgs)).Distinct())
        {
            if (!srlgs.ContainsKey(id))
            {
                allSrlgs.Add(new Srlg(id));
            }
        }

        return new NetworkTopology(
            Name,
            Description,
            Attribution,
            SourceFile,
            SourceFormat,
            [.. _nodes.Select(n => n.Node)],
            [.. _links.Select(l => l.Link)],
            [.. allSrlgs],
            [.. _demands.Select(d => d.Demand)]);
    }

    private Dictionary<string, Node> ValidateNodes(List<TopologyError> errors)
    {
        var byId = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var (node, at) in _nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new(at, "node has an empty id"));
                continue;
            }

            if (!byId.TryAdd(node.Id, node))
            {
                errors.Add(new(at, $"duplicate node id '{node.Id}'"));
                continue;
            }

            ValidatePorts(node, at, errors);
        }

        foreach (var (node, at) in _nodes)
        {
            if (node.Site is { } site && (!byId.TryGetValue(site, out var siteNode) || siteNode.Kind != NodeKind.Site))
            {
                errors.Add(new(at, $"node '{node.Id}': site '{site}' is not a node of kind site"));
            }
        }

        return byId;
    }

    private static void ValidatePorts(Node node, SourceLocation at, List<TopologyError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in node.Ports)
        {
            if (string.IsNullOrWhiteSpace(port.Name))
            {
                errors.Add(new(at, $"node '{node.Id}': a port has an empty name"));
            }
            else if (!names.Add(port.Name))
            {
                errors.Add(new(at, $"node '{node.Id}': duplicate port '{port.Name}'"));
            }
        }

        foreach (var port in node.Ports)
        {
            if (port.Pair is null)
            {
                continue;
            }

            var pair = node.FindPort(port.Pair);
            if (pair is null)
            {
                errors.Add(new(at, $"node '{node.Id}': port '{port.Name}' pairs with unknown port '{port.Pair}'"));
            }
            else if (pair.Pair != port.Name)
            {
                errors.Add(new(at, $"node '{node.Id}': port '{port.Name}' pairs with '{pair.Name}', but '{pair.Name}' does not pair back"));
            }
            else if (!((port.Direction == PortDirection.Input && pair.Direction == PortDirection.Output) ||
                       (port.Direction == PortDirection.Output && pair.Direction == PortDirection.Input)))
            {
                errors.Add(new(at, $"node '{node.Id}': paired ports '{port.Name}' and '{pair.Name}' must be one input and one output"));
            }
        }
    }

    private Dictionary<string, Srlg> ValidateSrlgs(List<TopologyError> errors)
    {
        var byId = new Dictionary<string, Srlg>(StringComparer.Ordinal);
        foreach (var (srlg, at) in _srlgs)
        {
            if (string.IsNullOrWhiteSpace(srlg.Id))
            {
                errors.Add(new(at, "SRLG has an empty id"));
            }
            else if (!byId.TryAdd(srlg.Id, srlg))
            {
                errors.Add(new(at, $"duplicate SRLG '{srlg.Id}'"));
            }
        }

        if (RequireDeclaredSrlgs)
        {
            foreach (var (node, at) in _nodes)
            {
                foreach (var id in node.Srlgs.Where(id => !byId.ContainsKey(id)))
                {
                    errors.Add(new(at, $"node '{node.Id}': unknown SRLG '{id}' (declare it under srlgs)"));
                }
            }
        }

        return byId;
    }

    private void ValidateLinks(Dictionary<string, Node> nodes, Dictionary<string, Srlg> srlgs, List<TopologyError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var portUsers = new Dictionary<PortRef, string>();
        foreach (var (link, at) in _links)
        {
            string name = string.IsNullOrWhiteSpace(link.Id) ? "link" : $"link '{link.Id}'";
            if (string.IsNullOrWhiteSpace(link.Id))
            {
                errors.Add(new(at, "link has an empty id"));
            }
            else if (!ids.Add(link.Id))
            {
                errors.Add(new(at, $"duplicate link id '{link.Id}'"));
            }

            if (link.A.Node == link.B.Node)
            {
                errors.Add(new(at, $"{name} connects node '{link.A.Node}' to itself"));
            }

            ValidateEndpoint(name, link.A, at, nodes, portUsers, errors);
            ValidateEndpoint(name, link.B, at, nodes, portUsers, errors);

            if (link.LengthKm is { } km && (!double.IsFinite(km) || km < 0))
            {
                errors.Add(new(at, $"{name}: length {km} km is not a finite, non-negative number"));
            }

            if (link.SpecifiedLatencyMs is { } ms && (!double.IsFinite(ms) || ms < 0))
            {
                errors.Add(new(at, $"{name}: latency {ms} ms is not a finite, non-negative number"));
            }

            foreach (var srlg in link.Srlgs)
            {
                if (string.IsNullOrWhiteSpace(srlg))
                {
                    errors.Add(new(at, $"{name}: empty SRLG id"));
                }
                else if (RequireDeclaredSrlgs && !srlgs.ContainsKey(srlg))
                {
                    errors.Add(new(at, $"{name}: unknown SRLG '{srlg}' (declare it under srlgs)"));
                }
            }
        }
    }

    private static void ValidateEndpoint(
        string name,
        LinkEndpoint end,
        SourceLocation at,
        Dictionary<string, Node> nodes,
        Dictionary<PortRef, string> portUsers,
        List<TopologyError> errors)
    {
        if (!nodes.TryGetValue(end.Node, out var node))
        {
            errors.Add(new(at, $"{name}: unknown node '{end.Node}'"));
            return;
        }

        if (end.Port is null)
        {
            return;
        }

        var port = node.FindPort(end.Port);
        if (port is null)
        {
            errors.Add(new(at, $"{name}: node '{end.Node}' has no port '{end.Port}'"));
            return;
        }

        if (port.Direction != PortDirection.Bidirectional && port.Pair is null)
        {
            errors.Add(new(at, $"{name}: port '{end}' is a simplex {(port.Direction == PortDirection.Input ? "input" : "output")} with no pair; a link needs a duplex port or an input/output pair"));
            return;
        }

        foreach (var used in port.Pair is null ? [port.Name] : new[] { port.Name, port.Pair })
        {
            var key = new PortRef(end.Node, used);
            if (!portUsers.TryAdd(key, name))
            {
                errors.Add(new(at, $"{name}: port '{key}' is already used by {portUsers[key]}"));
            }
        }
    }

    private void ValidateDemands(Dictionary<string, Node> nodes, List<TopologyError> errors)
    {
        foreach (var (demand, at) in _demands)
        {
            foreach (var end in new[] { demand.Source, demand.Target })
            {
                if (!nodes.ContainsKey(end))
                {
                    errors.Add(new(at, $"demand '{demand.Id}': unknown node '{end}'"));
                }
            }

            if (!double.IsFinite(demand.Value) || demand.Value < 0)
            {
                errors.Add(new(at, $"demand '{demand.Id}': value {demand.Value} is not a finite, non-negative number"));
            }
        }
    }
}
