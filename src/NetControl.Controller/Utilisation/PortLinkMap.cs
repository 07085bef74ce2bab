using NetControl.Core.Topology;

namespace NetControl.Controller.Utilisation;

/// <summary>
/// Which topology link each switch port is an end of, by the names the switch's SNMP agent reports in ifName (the
/// topology's port names, as the SNMP optical monitor and the trap bridge map them). A link end on an input port
/// with a paired output port (a Glimmerglass attachment) is measured by both: the input counts what arrives, the
/// output what leaves; a bidirectional port (a Calient) counts both. Port names compare case-insensitively (TL1
/// access identifiers do); device names exactly.
/// </summary>
public sealed class PortLinkMap
{
    private readonly Dictionary<string, Dictionary<string, List<LinkPortRole>>> _roles = new(StringComparer.Ordinal);

    public PortLinkMap(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        foreach (var link in topology.Links)
        {
            AddEnd(topology, link.Id, link.A, atA: true);
            AddEnd(topology, link.Id, link.B, atA: false);
        }
    }

    /// <summary>The roles of <paramref name="port"/> of <paramref name="device"/>; empty for a port on no link.</summary>
    public IReadOnlyList<LinkPortRole> RolesOf(string device, string port) =>
        _roles.TryGetValue(device, out var ports) && ports.TryGetValue(port, out var roles) ? roles : [];

    private void AddEnd(NetworkTopology topology, string linkId, LinkEndpoint end, bool atA)
    {
        if (end.Port is not { } name || !topology.TryGetNode(end.Node, out var node))
        {
            return;
        }

        // An unpaired input port sends nothing into its fibre, an unpaired output port receives nothing from it.
        var port = node.FindPort(name);
        string? receive = port is { Direction: PortDirection.Output, Pair: null } ? null : node.ReceiveSideOf(name);
        string? transmit = port is { Direction: PortDirection.Input, Pair: null } ? null : node.TransmitSideOf(name);
        if (receive is not null)
        {
            Add(end.Node, receive, new LinkPortRole(linkId, atA, Receives: true));
        }

        if (transmit is not null)
        {
            Add(end.Node, transmit, new LinkPortRole(linkId, atA, Receives: false));
        }
    }

    private void Add(string device, string port, LinkPortRole role)
    {
        if (!_roles.TryGetValue(device, out var ports))
        {
            ports = new Dictionary<string, List<LinkPortRole>>(StringComparer.OrdinalIgnoreCase);
            _roles[device] = ports;
        }

        if (!ports.TryGetValue(port, out var roles))
        {
            roles = [];
            ports[port] = roles;
        }

        roles.Add(role);
    }
}
