using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Routing;

/// <summary>
/// Turns what a requester typed into a switch port: <c>host</c> (its access fibre), <c>SWITCH:PORT</c> (that port),
/// <c>SWITCH</c> (a free port with no fibre attached) or a site (a host there, else a switch there).
/// </summary>
public sealed class EndpointResolver
{
    private readonly NetworkTopology _topology;
    private readonly Dictionary<PortRef, Link> _linkAtPort = [];

    public EndpointResolver(NetworkTopology topology)
    {
        _topology = topology;
        foreach (var link in topology.Links)
        {
            foreach (var end in new[] { link.A, link.B })
            {
                if (end.Port is not null)
                {
                    var node = topology.GetNode(end.Node);
                    foreach (var port in SwitchPorts.Both(node, end.Port))
                    {
                        _linkAtPort[port] = link;
                    }
                }
            }
        }
    }

    /// <summary>Resolves <paramref name="text"/>; <paramref name="free"/> says which ports are free (null: all).</summary>
    public ResolvedEndpoint Resolve(string text, IPortAvailability? free, string role)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"{role}: an endpoint is required (a host, SWITCH:PORT, a switch or a site)");
        }

        text = text.Trim();
        int colon = text.LastIndexOf(':');
        if (colon > 0 && _topology.TryGetNode(text[..colon], out var owner))
        {
            return ResolvePort(text, owner, text[(colon + 1)..], role);
        }

        Node node;
        try
        {
            node = _topology.ResolveNode(text);
        }
        catch (TopologyException ex)
        {
            throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"{role} '{text}': {ex.Message}");
        }

        return node.Kind switch
        {
            NodeKind.OpticalSwitch => FreeAddDrop(text, node, free)
                ?? throw Busy(role, text, $"switch {node.Id} has no free port without a fibre"),
            NodeKind.Host => FreeHostPort(text, node, free)
                ?? throw Busy(role, text, $"host {node.Id} has no free port attached to a photonic switch"),
            _ => ResolveSite(text, node, free, role),
        };
    }

    private ResolvedEndpoint ResolvePort(string text, Node node, string portName, string role)
    {
        var port = node.FindPort(portName)
            ?? throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"{role} '{text}': node {node.Id} has no port '{portName}'");
        if (node.Kind == NodeKind.Host)
        {
            return FromHostPort(text, node, port)
                ?? throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"{role} '{text}': host port {node.Id}:{portName} is not attached to a photonic switch");
        }

        if (node.Kind != NodeKind.OpticalSwitch)
        {
            throw new LightpathException(LightpathErrorKind.UnknownEndpoint, $"{role} '{text}': {node.Id} is a {node.Kind}, not a photonic switch or host");
        }

        string add = SwitchPorts.InputOf(node, port.Name);
        if (_linkAtPort.TryGetValue(new PortRef(node.Id, add), out var link))
        {
            var other = link.OtherEnd(node.Id);
            var otherNode = _topology.GetNode(other.Node);
            if (otherNode.Kind == NodeKind.OpticalSwitch)
            {
                throw new LightpathException(
                    LightpathErrorKind.UnknownEndpoint,
                    $"{role} '{text}': port {portName} carries trunk link {link.Id} to {other.Node}; name an add/drop port, a host or a switch");
            }

            return new ResolvedEndpoint(text, node.Id, add, link, other.Port is null ? null : new PortRef(other.Node, other.Port));
        }

        return new ResolvedEndpoint(text, node.Id, add, null, null);
    }

    private ResolvedEndpoint ResolveSite(string text, Node site, IPortAvailability? free, string role)
    {
        var candidates = _topology.Nodes.Where(n => n.Site == site.Id || n.Id == site.Id).ToList();
        foreach (var host in candidates.Where(n => n.Kind == NodeKind.Host))
        {
            if (FreeHostPort(text, host, free) is { } viaHost)
            {
                return viaHost;
            }
        }

        foreach (var sw in candidates.Where(n => n.Kind == NodeKind.OpticalSwitch))
        {
            if (FreeAddDrop(text, sw, free) is { } viaSwitch)
            {
                return viaSwitch;
            }
        }

        throw candidates.Any(n => n.Kind is NodeKind.Host or NodeKind.OpticalSwitch)
            ? Busy(role, text, $"every host and add/drop port at site {site.Id} is taken")
            : new LightpathException(LightpathErrorKind.UnknownEndpoint, $"{role} '{text}': {site.Id} is a {site.Kind} with no host or photonic switch");
    }

    private ResolvedEndpoint? FreeHostPort(string text, Node host, IPortAvailability? free)
    {
        foreach (var port in host.Ports)
        {
            if (FromHostPort(text, host, port) is { } endpoint
                && IsFree(free, new PortRef(host.Id, port.Name))
                && IsFree(free, new PortRef(endpoint.Switch, endpoint.AddPort)))
            {
                return endpoint;
            }
        }

        return null;
    }

    private ResolvedEndpoint? FromHostPort(string text, Node host, Port port)
    {
        if (!_linkAtPort.TryGetValue(new PortRef(host.Id, port.Name), out var link))
        {
            return null;
        }

        var sw = link.OtherEnd(host.Id);
        if (sw.Port is null || _topology.GetNode(sw.Node).Kind != NodeKind.OpticalSwitch)
        {
            return null;
        }

        return new ResolvedEndpoint(text, sw.Node, SwitchPorts.InputOf(_topology.GetNode(sw.Node), sw.Port), link, new PortRef(host.Id, port.Name));
    }

    private ResolvedEndpoint? FreeAddDrop(string text, Node sw, IPortAvailability? free)
    {
        foreach (var port in sw.Ports)
        {
            if (SwitchPorts.IsAddDropCandidate(port)
                && port.Admin == AdminState.Up
                && !_linkAtPort.ContainsKey(new PortRef(sw.Id, port.Name))
                && SwitchPorts.Both(sw, port.Name).All(p => IsFree(free, p)))
            {
                return new ResolvedEndpoint(text, sw.Id, port.Name, null, null);
            }
        }

        return null;
    }

    private static bool IsFree(IPortAvailability? free, PortRef port) => free?.IsFree(port) ?? true;

    private static LightpathException Busy(string role, string text, string why) =>
        new(LightpathErrorKind.PortBusy, $"{role} '{text}': {why} over the requested window");
}
