using NetControl.Core.Topology;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// Turns per-port loss-of-light observations into link state. Only the receive port of each end counts (a Glimmerglass
/// output port's power is what the switch sends, fed from upstream). A lightpath is duplex, so a cut fibre leaves the
/// receive ports at both of its ends dark, while the receive ports downstream of the cut stay lit (the opposite
/// direction still arrives): a link between two switches is declared down when both of its receive ends are dark; a
/// link with one switch end (a host's access fibre) when that end is.
/// Down is latched: switches clear LOS when a cross-connect is removed, which says nothing about the fibre, so a link
/// comes back up only when light returns on a port a lightpath still uses, or when an operator reports the repair.
/// Not thread-safe: the lightpath service calls it under its own lock.
/// </summary>
public sealed class LinkFailureCorrelator
{
    private readonly NetworkTopology _topology;
    private readonly Dictionary<PortRef, (Link Link, PortRef End)> _ends = [];
    private readonly HashSet<PortRef> _dark = [];
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);

    public LinkFailureCorrelator(NetworkTopology topology)
    {
        _topology = topology;
        foreach (var link in topology.Links)
        {
            foreach (var end in new[] { link.A, link.B })
            {
                if (end.Port is null || topology.GetNode(end.Node).Kind != NodeKind.OpticalSwitch)
                {
                    continue;
                }

                // Only the port that receives from the fibre says anything about it: an output port's power is the
                // light the switch sends into the fibre, which comes from upstream (dark when a cut elsewhere starves
                // the lightpath, lit while this fibre is cut).
                var endRef = new PortRef(end.Node, end.Port);
                _ends[new PortRef(end.Node, ReceivePort(topology.GetNode(end.Node), end.Port))] = (link, endRef);
            }
        }
    }

    /// <summary>Links currently declared down.</summary>
    public IReadOnlyCollection<string> Down => _down;

    /// <summary>
    /// A port went dark or lit. <paramref name="claimed"/> says whether the active leg of a working lightpath uses the
    /// port, so that light is expected there: only then does darkness point at the fibre, or light prove a repair.
    /// </summary>
    public LinkChange? Observe(PortRef port, bool dark, bool claimed, string cause, DateTimeOffset at)
    {
        if (!_ends.TryGetValue(port, out var hit))
        {
            return null;
        }

        if (dark)
        {
            if (!claimed)
            {
                // Darkness where no lightpath sends light (an unlit protection leg, a cross-connect being made or
                // removed) proves nothing about the fibre.
                return null;
            }

            _dark.Add(hit.End);
            if (!_down.Contains(hit.Link.Id) && AllSwitchEndsDark(hit.Link))
            {
                _down.Add(hit.Link.Id);
                return new LinkChange(hit.Link.Id, Down: true, $"loss of light at {Describe(hit.Link)}: {cause}", at);
            }

            return null;
        }

        _dark.Remove(hit.End);
        if (claimed && _down.Remove(hit.Link.Id))
        {
            return new LinkChange(hit.Link.Id, Down: false, $"light back at {hit.End}: {cause}", at);
        }

        return null;
    }

    /// <summary>A device listed its active alarms after a gap: every port of it not listed is lit again.</summary>
    public IReadOnlyList<LinkChange> Resync(string device, IReadOnlySet<string> darkPorts, Func<PortRef, bool> claimed, string cause, DateTimeOffset at)
    {
        var changes = new List<LinkChange>();
        foreach (var (port, hit) in _ends)
        {
            if (port.Node != device)
            {
                continue;
            }

            bool dark = darkPorts.Contains(port.Port);
            if (dark != _dark.Contains(hit.End) && Observe(port, dark, claimed(port), cause, at) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <summary>An operator reports the link repaired.</summary>
    public LinkChange? MarkRepaired(string linkId, string cause, DateTimeOffset at)
    {
        var link = _topology.GetLink(linkId);
        foreach (var end in new[] { link.A, link.B })
        {
            if (end.Port is not null)
            {
                _dark.Remove(new PortRef(end.Node, end.Port));
            }
        }

        return _down.Remove(linkId) ? new LinkChange(linkId, Down: false, cause, at) : null;
    }

    private bool AllSwitchEndsDark(Link link)
    {
        bool any = false;
        foreach (var end in new[] { link.A, link.B })
        {
            var endRef = end.Port is null ? (PortRef?)null : new PortRef(end.Node, end.Port);
            if (endRef is { } e && _ends.ContainsKey(e))
            {
                any = true;
                if (!_dark.Contains(e))
                {
                    return false;
                }
            }
        }

        return any;
    }

    /// <summary>The receive side of <paramref name="port"/>: itself, or its input pair when it transmits only.</summary>
    private static string ReceivePort(Node node, string port) =>
        node.FindPort(port) is { Direction: PortDirection.Output, Pair: { } input } ? input : port;

    private static string Describe(Link link) => $"{link.Id} ({link.A} - {link.B})";
}
