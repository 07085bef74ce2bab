using System.Collections.Frozen;
using System.Collections.Immutable;
using NetControl.Core.Devices;
using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Faults;
using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// A simulated photonic switch: the ports of its topology node, its cross-connects, the light at its ports and (for
/// Calient) its loss-of-light alarms. Every change takes the lock of its <see cref="SimulatedNetwork"/> and
/// brings the light of the network up to date before returning; port names are matched case-insensitively and
/// stored in the topology's spelling.
/// </summary>
public sealed class OpticalSwitch
{
    private readonly SimulatedNetwork _network;
    private readonly Dictionary<string, Port> _ports;
    private readonly List<SwitchConnection> _connections = [];

    // The connection holding each port side, kept with _connections (validating a connect looks a side up).
    private readonly Dictionary<(string Port, PortSide Side), SwitchConnection> _sides = [];
    private readonly Dictionary<string, List<string>> _outOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedMirrors = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, DeviceAlarm> _alarms = new(StringComparer.Ordinal);

    internal OpticalSwitch(SimulatedNetwork network, Node node, SwitchDialect dialect, Random random)
    {
        _network = network;
        Node = node;
        Dialect = dialect;
        _ports = new Dictionary<string, Port>(node.Ports.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var port in node.Ports)
        {
            _ports.TryAdd(port.Name, port);
        }

        Faults = new SwitchFaults(this, random);
    }

    /// <summary>Raised after a change, outside the network lock, for every alarm raised or cleared, in order.</summary>
    public event EventHandler<SwitchAlarmEventArgs>? AlarmChanged;

    /// <summary>The node id, which the switch also uses as its TL1 TID/SID.</summary>
    public string Name => Node.Id;

    public Node Node { get; }

    public SwitchDialect Dialect { get; }

    public ImmutableArray<Port> Ports => Node.Ports;

    /// <summary>Injected faults and quirks that this switch's TL1 agent consults.</summary>
    public SwitchFaults Faults { get; }

    public SimulatedNetwork Network => _network;

    /// <summary>Calient switches raise LOS on a cross-connected port that receives no light; Glimmerglass switches raise nothing.</summary>
    public bool RaisesLossOfLightAlarms => Dialect == SwitchDialect.Calient;

    /// <summary>The connections now, in creation order.</summary>
    public IReadOnlyList<SwitchConnection> Connections
    {
        get
        {
            lock (_network.Gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Active alarms, ordered by port.</summary>
    public IReadOnlyList<DeviceAlarm> ActiveAlarms
    {
        get
        {
            lock (_network.Gate)
            {
                return [.. _alarms.Values];
            }
        }
    }

    /// <summary>The port named <paramref name="name"/> (any case), or null.</summary>
    public Port? FindPort(string name) => _ports.GetValueOrDefault(name);

    public SwitchResult Connect(SwitchConnection connection) => Connect([connection]);

    /// <summary>Makes all the connections, or none when one is refused.</summary>
    public SwitchResult Connect(IReadOnlyList<SwitchConnection> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        return _network.Update(() =>
        {
            var accepted = new List<SwitchConnection>(connections.Count);
            var result = ConnectionValidator.ValidateConnect(this, _sides, connections, accepted);
            if (result.Succeeded)
            {
                _connections.AddRange(accepted);
                foreach (var c in accepted)
                {
                    Route(c, add: true);
                    ConnectionValidator.Claim(_sides, c);
                }

                _network.CrossConnectsChangedLocked(this, accepted.SelectMany(ReceivePorts));
            }

            return result;
        });
    }

    public SwitchResult Disconnect(ConnectionRef connection) => Disconnect([connection]);

    /// <summary>Deletes all the named connections, or none when one is not found.</summary>
    public SwitchResult Disconnect(IReadOnlyList<ConnectionRef> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        return _network.Update(() =>
        {
            var matched = new List<SwitchConnection>(connections.Count);
            var result = ConnectionValidator.ValidateDisconnect(this, _connections, connections, matched);
            if (result.Succeeded)
            {
                _connections.RemoveAll(matched.Contains);
                foreach (var c in matched)
                {
                    Route(c, add: false);
                    foreach (var side in ConnectionValidator.Sides(c))
                    {
                        _sides.Remove(side);
                    }
                }

                _network.CrossConnectsChangedLocked(this, matched.SelectMany(ReceivePorts));
            }

            return result;
        });
    }

    /// <summary>Deletes every connection.</summary>
    public void DisconnectAll() => _network.Update(() =>
    {
        _network.CrossConnectsChangedLocked(this, _connections.SelectMany(ReceivePorts).ToList());
        _connections.Clear();
        _sides.Clear();
        _outOf.Clear();
        return SwitchResult.Success;
    });

    /// <summary>The light at <paramref name="port"/>; <see cref="SimulatorException"/> for an unknown port.</summary>
    public PortLight PowerAt(string port) => _network.PowerAt(Name, port);

    /// <summary>Connections, light, alarms and failed mirrors of this switch at one instant.</summary>
    public SwitchSnapshot Snapshot()
    {
        lock (_network.Gate)
        {
            var power = Node.Ports.ToDictionary(p => p.Name, p => _network.PowerAtLocked(Node, p), StringComparer.Ordinal);
            return new SwitchSnapshot([.. _connections], power, [.. _alarms.Values], _failedMirrors.ToFrozenSet(StringComparer.Ordinal), _network.Options.Light.NoLightThresholdDbm);
        }
    }

    /// <summary>
    /// The part of <see cref="Snapshot()"/> a retrieve about a few ports needs: the connections at
    /// <paramref name="ports"/>, and power only at those ports and the ports of those connections (a full snapshot
    /// computes light at every port of the switch, under the network lock).
    /// </summary>
    public SwitchSnapshot Snapshot(IReadOnlyCollection<string> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var wanted = ports.ToHashSet(StringComparer.Ordinal);
        lock (_network.Gate)
        {
            var connections = _connections.Where(c => wanted.Contains(c.From) || wanted.Contains(c.To)).ToList();
            var powered = new HashSet<string>(wanted, StringComparer.Ordinal);
            foreach (var c in connections)
            {
                powered.Add(c.From);
                powered.Add(c.To);
            }

            var power = new Dictionary<string, PortLight>(powered.Count, StringComparer.Ordinal);
            foreach (string name in powered)
            {
                if (FindPort(name) is { } port)
                {
                    power[port.Name] = _network.PowerAtLocked(Node, port);
                }
            }

            return new SwitchSnapshot([.. connections], power, [.. _alarms.Values], _failedMirrors.ToFrozenSet(StringComparer.Ordinal), _network.Options.Light.NoLightThresholdDbm);
        }
    }

    public override string ToString() => $"{Name} ({Dialect}, {Node.Ports.Length} ports)";

    internal void SetMirrorFailed(string port, bool failed)
    {
        var found = FindPort(port) ?? throw new SimulatorException($"{Name}: no port '{port}'");
        _network.Update(() =>
        {
            _network.CrossConnectsChangedLocked(this, [found.Name]);
            return failed ? _failedMirrors.Add(found.Name) : _failedMirrors.Remove(found.Name);
        });
    }

    internal bool IsMirrorFailed(string port)
    {
        lock (_network.Gate)
        {
            return FindPort(port) is { } found && _failedMirrors.Contains(found.Name);
        }
    }

    /// <summary>Where light entering <paramref name="port"/> leaves (none through a failed mirror), in creation order. Caller holds the network lock.</summary>
    internal IEnumerable<(LightPoint To, double LossDb)> LightOutOfLocked(string port, double insertionLossDb)
    {
        if (!_outOf.TryGetValue(port, out var outs) || _failedMirrors.Contains(port))
        {
            yield break;
        }

        foreach (string to in outs)
        {
            yield return (new LightPoint(Name, to, PortSide.Transmit), insertionLossDb);
        }
    }

    /// <summary>
    /// Raises LOS on every cross-connected receive side below the threshold and clears the alarms no longer
    /// standing (light back, or the connection gone). Caller holds the network lock.
    /// </summary>
    /// <summary>
    /// Raises loss of light at each receive port of a cross-connect that gets no light, and clears it where light
    /// returns or the connection is gone, among <paramref name="ports"/> (null: every port). Clears first, then raises,
    /// each in port order. Caller holds the network lock.
    /// </summary>
    internal void UpdateAlarmsLocked(DateTimeOffset now, Queue<(OpticalSwitch, DeviceAlarm)> outbox, IReadOnlyCollection<string>? ports = null)
    {
        if (!RaisesLossOfLightAlarms)
        {
            return;
        }

        double threshold = _network.Options.Light.NoLightThresholdDbm;
        IEnumerable<string> candidates = ports ?? _outOf.Keys.Concat(_alarms.Keys).Distinct(StringComparer.Ordinal);
        var standing = new List<string>();
        var gone = new List<string>();
        foreach (string port in candidates.Order(StringComparer.Ordinal))
        {
            // A receive port of a cross-connect is exactly where light is routed out of.
            bool dark = _outOf.ContainsKey(port) && _network.ReadingLocked(new LightPoint(Name, port, PortSide.Receive)) < threshold;
            if (dark)
            {
                standing.Add(port);
            }
            else if (_alarms.ContainsKey(port))
            {
                gone.Add(port);
            }
        }

        foreach (string port in gone)
        {
            var cleared = _alarms[port] with { Severity = AlarmSeverity.Cleared, OccurredAt = now };
            _alarms.Remove(port);
            outbox.Enqueue((this, cleared));
        }

        foreach (string port in standing)
        {
            if (!_alarms.ContainsKey(port))
            {
                var raised = new DeviceAlarm(Name, port, "LOS", AlarmSeverity.Critical, true, now, "Loss of light");
                _alarms[port] = raised;
                outbox.Enqueue((this, raised));
            }
        }
    }

    internal void OnAlarmChanged(DeviceAlarm alarm) => AlarmChanged?.Invoke(this, new SwitchAlarmEventArgs(alarm));

    private static IEnumerable<string> ReceivePorts(SwitchConnection c) => c.Kind == CrossConnectKind.TwoWay ? [c.From, c.To] : [c.From];

    /// <summary>Adds or removes the directions of <paramref name="c"/> in the index of where light goes.</summary>
    private void Route(SwitchConnection c, bool add)
    {
        RouteOne(c.From, c.To, add);
        if (c.Kind == CrossConnectKind.TwoWay)
        {
            RouteOne(c.To, c.From, add);
        }
    }

    private void RouteOne(string from, string to, bool add)
    {
        if (add)
        {
            if (!_outOf.TryGetValue(from, out var outs))
            {
                outs = new List<string>(1);
                _outOf[from] = outs;
            }

            outs.Add(to);
        }
        else if (_outOf.TryGetValue(from, out var outs) && outs.Remove(to) && outs.Count == 0)
        {
            _outOf.Remove(from);
        }
    }
}
