using NetControl.Core.Topology;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// Turns per-port loss-of-light observations into link state. Only the receive port of each end counts (a Glimmerglass
/// output port's power is what the switch sends, fed from upstream). A lightpath is duplex, so a cut fibre leaves the
/// receive ports at both of its ends dark, while the receive ports upstream of the cut stay lit: a link between two
/// switches is declared down when both of its receive ends are dark; a link with one switch end (a host's access fibre)
/// when that end is.
/// <para>
/// Darkness counts only at a port a lightpath claims (expects light at), and a link is declared down only when the
/// darkness at one of its ends is evidence that light was sent into the fibre and did not arrive:
/// <list type="bullet">
/// <item>an edge (<see cref="Observe"/>: a Calient <c>REPT ALM</c>, an SNMP linkDown) is such evidence by itself: the
/// port had light and lost it;</item>
/// <item>a level (<see cref="Resync"/>: a Glimmerglass power poll, the alarm list read after a gap or a restart) counts
/// only if the read began after the port was claimed, and the port that feeds the fibre at its far switch (the one the
/// lightpath cross-connects towards it) was read lit under the same claim; for a host's access fibre, if the port was
/// read lit under the claim before. A lightpath whose end hosts send nothing is dark everywhere, which says nothing
/// about its fibres; so is the unlit direction of a lightpath that only one end sends on.</item>
/// </list>
/// A polling source reports its level on every poll, so a cut within one poll of a lightpath's set-up, which a
/// poller's change detection would miss (dark while being made, dark again after the cut), is seen at the next poll.
/// </para>
/// Down is latched: switches clear LOS when a cross-connect is removed, which says nothing about the fibre, so a link
/// comes back up only when light returns on a port a lightpath still uses, or when an operator reports the repair.
/// Not thread-safe: the lightpath service calls it under its own lock.
/// </summary>
public sealed class LinkFailureCorrelator
{
    private readonly NetworkTopology _topology;
    private readonly IPortClaims _claims;

    // Receive port of a link end -> its link, and the receive port at the link's far end when that is a switch; the
    // receive ports of each link's switch ends; every receive port of each switch (add/drop ports too: one may feed a
    // fibre).
    private readonly Dictionary<PortRef, (Link Link, PortRef? Far)> _ends = [];
    private readonly Dictionary<string, PortRef[]> _linkEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PortRef>> _deviceEnds = new(StringComparer.Ordinal);

    // Receive ports read dark while claimed: by whom, when last read so, and whether an edge proved it; receive ports lit
    // at every read of a run while claimed (from the first read of the run to the last, or for good until an edge says
    // otherwise); the last time a link end was read lit under its claim.
    private readonly Dictionary<PortRef, Darkness> _dark = [];
    private readonly Dictionary<PortRef, LitRun> _litNow = [];
    private readonly Dictionary<PortRef, (string Claimant, DateTimeOffset At)> _wasLit = [];

    // Links dark at every switch end without evidence of a cut yet; links declared down.
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);

    public LinkFailureCorrelator(NetworkTopology topology, IPortClaims claims)
    {
        _topology = topology;
        _claims = claims;
        foreach (var link in topology.Links)
        {
            var a = Receive(topology, link.A);
            var b = Receive(topology, link.B);
            var ends = new List<PortRef>(2);
            foreach (var (end, far) in new[] { (a, b), (b, a) })
            {
                if (end is not { } receive)
                {
                    continue;
                }

                _ends[receive] = (link, far);
                ends.Add(receive);
            }

            _linkEnds[link.Id] = [.. ends];
        }

        foreach (var node in topology.Nodes.Where(n => n.Kind == NodeKind.OpticalSwitch))
        {
            _deviceEnds[node.Id] = [.. node.Ports.Where(p => p.Direction != PortDirection.Output).Select(p => new PortRef(node.Id, p.Name))];
        }
    }

    /// <summary>Links currently declared down.</summary>
    public IReadOnlyCollection<string> Down => _down;

    /// <summary>A port went dark or lit, reported as it happened (an edge) at <paramref name="at"/>.</summary>
    public IReadOnlyList<LinkChange> Observe(PortRef port, bool dark, string cause, DateTimeOffset at)
    {
        if (!_ends.TryGetValue(port, out var end) && !IsReceivePort(port))
        {
            return [];
        }

        var changes = new List<LinkChange>(1);
        var claimant = _claims.ClaimantAt(port, at);
        if (dark)
        {
            if (Darken(port, claimant, edge: true, at) && end.Link is { } link)
            {
                Evaluate(link, cause, at, changes);
            }
        }
        else if (Light(port, claimant, at, untilEdge: true, cause, at, changes))
        {
            EvaluatePending(cause, at, changes);
        }

        return changes;
    }

    /// <summary>
    /// A full read of <paramref name="device"/> that began at <paramref name="readAt"/>: the receive ports in
    /// <paramref name="darkPorts"/> were dark, every other port of the device lit. <paramref name="changesFollow"/>: the
    /// source reports every change as an edge after this read (a Calient session, SNMP traps), so what it read holds
    /// until an edge says otherwise; else (a poll) only as of this read.
    /// </summary>
    public IReadOnlyList<LinkChange> Resync(string device, IReadOnlySet<string> darkPorts, DateTimeOffset readAt, string cause, DateTimeOffset at, bool changesFollow = false)
    {
        if (!_deviceEnds.TryGetValue(device, out var ports))
        {
            return [];
        }

        var changes = new List<LinkChange>();
        var darkened = new List<Link>();
        bool newLight = false;
        foreach (var port in ports)
        {
            var claimant = _claims.ClaimantAt(port, readAt);
            if (claimant is null && !_litNow.ContainsKey(port) && !_dark.ContainsKey(port) && !_wasLit.ContainsKey(port))
            {
                // Nothing expected here and nothing known: most ports of a large switch, on every poll.
                continue;
            }

            if (darkPorts.Contains(port.Port))
            {
                if (Darken(port, claimant, edge: false, readAt) && _ends.TryGetValue(port, out var end))
                {
                    darkened.Add(end.Link);
                }
            }
            else
            {
                newLight |= Light(port, claimant, readAt, untilEdge: changesFollow, cause, at, changes);
            }
        }

        foreach (var link in darkened)
        {
            Evaluate(link, cause, at, changes);
        }

        if (newLight)
        {
            EvaluatePending(cause, at, changes);
        }

        return changes;
    }

    /// <summary>An operator reports the link repaired.</summary>
    public LinkChange? MarkRepaired(string linkId, string cause, DateTimeOffset at)
    {
        _ = _topology.GetLink(linkId);
        foreach (var end in _linkEnds[linkId])
        {
            _dark.Remove(end);
        }

        _pending.Remove(linkId);
        return _down.Remove(linkId) ? new LinkChange(linkId, Down: false, cause, at) : null;
    }

    /// <summary>Records darkness at a claimed port; false when the port is unclaimed (darkness where no light is expected proves nothing).</summary>
    private bool Darken(PortRef port, string? claimant, bool edge, DateTimeOffset readAt)
    {
        _litNow.Remove(port);
        if (claimant is null || !_ends.ContainsKey(port))
        {
            _dark.Remove(port);
            _wasLit.Remove(port);
            return false;
        }

        // A level read never takes away what an edge proved under the same claim.
        bool proven = edge || (_dark.TryGetValue(port, out var was) && was.Claimant == claimant && was.Edge);
        _dark[port] = new Darkness(claimant, proven, readAt);
        return true;
    }

    /// <summary>
    /// Records light at a port, read at <paramref name="readAt"/>; true when the port is claimed (the read may complete
    /// the evidence of a pending link). <paramref name="untilEdge"/>: it holds until an edge says otherwise.
    /// </summary>
    private bool Light(PortRef port, string? claimant, DateTimeOffset readAt, bool untilEdge, string cause, DateTimeOffset at, List<LinkChange> changes)
    {
        _dark.Remove(port);
        if (claimant is null)
        {
            _litNow.Remove(port);
            _wasLit.Remove(port);
            return false;
        }

        if (_ends.TryGetValue(port, out var end))
        {
            _pending.Remove(end.Link.Id);
            if (_down.Remove(end.Link.Id))
            {
                changes.Add(new LinkChange(end.Link.Id, Down: false, $"light back at {port}: {cause}", at));
            }

            _wasLit[port] = (claimant, readAt);
        }

        DateTimeOffset? until = untilEdge ? null : readAt;
        _litNow[port] = _litNow.TryGetValue(port, out var run) && run.Claimant == claimant
            ? run with { Until = until }
            : new LitRun(claimant, readAt, until);
        return true;
    }

    /// <summary>Declares <paramref name="link"/> down if every switch end is dark under its current claim and one end's darkness is evidence of a cut.</summary>
    private void Evaluate(Link link, string cause, DateTimeOffset at, List<LinkChange> changes)
    {
        if (_down.Contains(link.Id))
        {
            return;
        }

        var ends = _linkEnds[link.Id];
        bool evidence = false;
        foreach (var end in ends)
        {
            if (!_dark.TryGetValue(end, out var darkness) || _claims.ClaimantAt(end, at) != darkness.Claimant)
            {
                _pending.Remove(link.Id);
                return;
            }

            evidence = evidence || darkness.Edge || Fed(end, darkness, at);
        }

        if (ends.Length == 0)
        {
            return;
        }

        if (!evidence)
        {
            _pending.Add(link.Id);
            return;
        }

        _pending.Remove(link.Id);
        _down.Add(link.Id);
        changes.Add(new LinkChange(link.Id, Down: true, $"loss of light at {Describe(link)}: {cause}", at));
    }

    private void EvaluatePending(string cause, DateTimeOffset at, List<LinkChange> changes)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        foreach (var id in _pending.ToList())
        {
            Evaluate(_topology.GetLink(id), cause, at, changes);
        }
    }

    /// <summary>
    /// Whether light was sent towards <paramref name="end"/> while it was read dark: the far switch's port that feeds
    /// the fibre was lit at every read from before that dark read to after it (or for good, from a source that reports
    /// changes); facing a host, whether this port was read lit under the claim before.
    /// </summary>
    private bool Fed(PortRef end, Darkness darkness, DateTimeOffset at)
    {
        if (_ends[end].Far is not { } far)
        {
            return _wasLit.TryGetValue(end, out var was) && was.Claimant == darkness.Claimant && was.At < darkness.ReadAt;
        }

        return _claims.FeedOf(far, at) is { } feed
            && _litNow.TryGetValue(feed, out var run) && run.Claimant == darkness.Claimant
            && run.From <= darkness.ReadAt && (run.Until is not { } until || darkness.ReadAt <= until)
            && _claims.ClaimantAt(feed, at) == darkness.Claimant;
    }

    private bool IsReceivePort(PortRef port) =>
        _topology.TryGetNode(port.Node, out var node) && node.Kind == NodeKind.OpticalSwitch && node.FindPort(port.Port) is { Direction: not PortDirection.Output };

    private static PortRef? Receive(NetworkTopology topology, LinkEndpoint end)
    {
        var node = topology.GetNode(end.Node);
        // Only the port that receives from the fibre says anything about it: an output port's power is the light the
        // switch sends into the fibre, which comes from upstream (dark when a cut elsewhere starves the lightpath, lit
        // while this fibre is cut).
        return end.Port is null || node.Kind != NodeKind.OpticalSwitch ? null : new PortRef(end.Node, node.ReceiveSideOf(end.Port));
    }

    private static string Describe(Link link) => $"{link.Id} ({link.A} - {link.B})";

    private readonly record struct Darkness(string Claimant, bool Edge, DateTimeOffset ReadAt);

    /// <summary>A port read lit at every read from <see cref="From"/> to <see cref="Until"/> (null: until an edge says otherwise).</summary>
    private readonly record struct LitRun(string Claimant, DateTimeOffset From, DateTimeOffset? Until);
}
