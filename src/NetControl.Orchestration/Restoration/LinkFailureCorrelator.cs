using NetControl.Core.Topology;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// Turns per-port loss-of-light observations into link state. A lightpath is duplex, so a cut fibre leaves both of
/// its ends dark, while the ports downstream of the cut go dark in one direction only: a link between two switches is
/// declared down when both of its ends are dark; a link with one switch end (a host's access fibre) when that end is.
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

                var node = topology.GetNode(end.Node);
                var endRef = new PortRef(end.Node, end.Port);
                _ends[endRef] = (link, endRef);
                if (node.FindPort(end.Port)?.Pair is { } pair)
                {
                    _ends[new PortRef(end.Node, pair)] = (link, endRef);
                }
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
            if (port.Node != device || port != hit.End)
            {
                continue;
            }

            bool dark = darkPorts.Contains(port.Port) || (_topology.GetNode(device).FindPort(port.Port)?.Pair is { } pair && darkPorts.Contains(pair));
            if (dark != _dark.Contains(port) && Observe(port, dark, claimed(port), cause, at) is { } change)
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

    private static string Describe(Link link) => $"{link.Id} ({link.A} - {link.B})";
}
