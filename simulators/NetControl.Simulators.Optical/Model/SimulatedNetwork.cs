using NetControl.Core.Devices;
using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Faults;
using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// A whole optical network in simulation: every optical-switch node of a topology as an <see cref="OpticalSwitch"/>
/// (dialect from its vendor), every link with ports at both ends as a pair of fibres, every host port as a
/// transmitter, and the light that results. One lock guards the network: every change (a cross-connect, a cut, a
/// transmitter) brings light and alarms up to date under it before the change returns (changes made concurrently
/// share one update; only the light a change moves is retraced, see <see cref="LightModel"/>), so readers always see
/// a consistent state. Alarm events are raised after the lock is
/// released, one at a time, in the order they happened.
/// </summary>
/// <remarks>
/// A link whose ends name no port carries no light (there is nothing to connect it to). Nodes other than switches
/// and hosts (routers, reflectors) neither transmit nor switch light, but their ports can be given a transmitter.
/// </remarks>
public sealed class SimulatedNetwork
{
    private readonly Queue<(OpticalSwitch Switch, DeviceAlarm Alarm)> _outbox = new();
    private int _delivering;
    private readonly Dictionary<string, OpticalSwitch> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Fibre> _fibres = new(StringComparer.Ordinal);
    private readonly Dictionary<LightPoint, double> _initialSources = [];
    private readonly LightModel _light;
    private readonly HashSet<LightPoint> _changedLight = [];
    // Switches whose loss-of-light alarms may have changed, with the receive ports to look at (null: every port).
    private readonly Dictionary<OpticalSwitch, HashSet<string>?> _alarmsToCheck = [];
    private readonly Lock _recomputeGate = new();
    private long _version;
    private long _computed = -1;

    /// <summary>Builds the network; <see cref="SimulatorException"/> when a switch's vendor has no dialect.</summary>
    public SimulatedNetwork(NetworkTopology topology, SimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        Topology = topology;
        Options = options ?? new SimulatorOptions();
        Time = timeProvider ?? TimeProvider.System;

        var switches = new List<OpticalSwitch>();
        foreach (var node in topology.Nodes)
        {
            if (node.Kind == NodeKind.OpticalSwitch)
            {
                var sw = new OpticalSwitch(this, node, DialectOf(node), new Random(unchecked((Options.Seed * 7919) + switches.Count)));
                switches.Add(sw);
                _switches.Add(node.Id, sw);
            }
            else if (node.Kind == NodeKind.Host)
            {
                foreach (var port in node.Ports.Where(PortRoles.CanTransmit))
                {
                    _initialSources[new LightPoint(node.Id, port.Name, PortSide.Transmit)] = Options.Light.LaunchPowerDbm;
                }
            }
        }

        Switches = switches;
        foreach (var link in topology.Links)
        {
            _fibres.Add(link.Id, FibreOf(link));
        }

        var spans = _fibres.Values.SelectMany(f => f.Spans).GroupBy(s => s.From).ToDictionary(g => g.Key, g => g.ToArray());
        _light = new LightModel(spans, CrossConnectsFrom);
        Faults = new NetworkFaults(this);
        Update(() =>
        {
            foreach (var (point, dbm) in _initialSources)
            {
                _light.SetSource(point, dbm);
            }

            foreach (var sw in switches)
            {
                _alarmsToCheck[sw] = null;
            }

            return true;
        });
    }

    public NetworkTopology Topology { get; }

    public SimulatorOptions Options { get; }

    /// <summary>The clock of alarm times and TL1 headers.</summary>
    public TimeProvider Time { get; }

    /// <summary>Switches in topology order.</summary>
    public IReadOnlyList<OpticalSwitch> Switches { get; }

    /// <summary>Link cuts and repairs.</summary>
    public NetworkFaults Faults { get; }

    /// <summary>The lock of all network state.</summary>
    internal object Gate { get; } = new();

    /// <summary>The switch of node <paramref name="name"/>; <see cref="SimulatorException"/> when there is none.</summary>
    public OpticalSwitch GetSwitch(string name) =>
        _switches.TryGetValue(name, out var sw) ? sw : throw new SimulatorException($"no optical switch '{name}' in topology '{Topology.Name}'");

    public bool TryGetSwitch(string name, out OpticalSwitch sw) => _switches.TryGetValue(name, out sw!);

    /// <summary>The light at a port of any node (a switch, a host).</summary>
    public PortLight PowerAt(string node, string port)
    {
        var n = NodeOf(node);
        lock (Gate)
        {
            return PowerAtLocked(n, PortOf(n, port));
        }
    }

    /// <summary>
    /// Makes <paramref name="port"/> launch <paramref name="dbm"/> into its fibre, or stops it (null). Host ports
    /// transmit at the launch power from the start. The port must be able to transmit (output or bidirectional).
    /// </summary>
    public void SetTransmitter(string node, string port, double? dbm) => SetSource(node, port, PortSide.Transmit, dbm);

    /// <summary>
    /// Makes light of <paramref name="dbm"/> arrive at <paramref name="port"/> from outside, as if its fibre carried
    /// it (null stops it): lights a switch port that no link reaches. The port must be able to receive.
    /// </summary>
    public void InjectLight(string node, string port, double? dbm) => SetSource(node, port, PortSide.Receive, dbm);

    /// <summary>
    /// Runs <paramref name="change"/> under the lock, recomputes light and alarms, then delivers the alarm events
    /// outside the lock.
    /// </summary>
    /// <remarks>
    /// Concurrent changes share recomputations (flat combining): a change is applied under the lock at once, then
    /// its author waits for the one recomputation at a time; when its turn comes and another recomputation has
    /// already covered its change, it has nothing left to do. A reader under the lock that finds changes not yet
    /// computed recomputes first, so nobody ever sees light older than the changes made.
    /// </remarks>
    internal T Update<T>(Func<T> change)
    {
        T result;
        long version;
        lock (Gate)
        {
            result = change();
            version = ++_version;
        }

        lock (_recomputeGate)
        {
            lock (Gate)
            {
                if (_computed < version)
                {
                    RecomputeLocked();
                }
            }
        }

        Deliver();
        return result;
    }

    internal double ReadingLocked(LightPoint point)
    {
        if (_computed < _version)
        {
            RecomputeLocked();
        }

        return OpticalPower.Reading(_light.MilliwattsAt(point), Options.Light.FloorDbm);
    }

    /// <summary>Says that the way light leaves <paramref name="point"/> changed. Caller holds the lock, inside an update.</summary>
    internal void TouchLocked(LightPoint point) => _light.Touch(point);

    /// <summary>Says that the cross-connects of <paramref name="sw"/> changed at these receive ports. Caller holds the lock, inside an update.</summary>
    internal void CrossConnectsChangedLocked(OpticalSwitch sw, IEnumerable<string> receivePorts)
    {
        foreach (string port in receivePorts)
        {
            _light.Touch(new LightPoint(sw.Name, port, PortSide.Receive));
            CheckAlarmLocked(sw, port);
        }
    }

    /// <summary>Marks a receive port whose alarm may have changed (its light, or the connections at it).</summary>
    private void CheckAlarmLocked(OpticalSwitch sw, string port)
    {
        if (!_alarmsToCheck.TryGetValue(sw, out var ports))
        {
            _alarmsToCheck[sw] = [port];
        }
        else
        {
            ports?.Add(port);
        }
    }

    internal PortLight PowerAtLocked(Node node, Port port)
    {
        double floor = Options.Light.FloorDbm;
        return new PortLight(
            PortRoles.CanReceive(port) ? ReadingLocked(new LightPoint(node.Id, port.Name, PortSide.Receive)) : floor,
            PortRoles.CanTransmit(port) ? ReadingLocked(new LightPoint(node.Id, port.Name, PortSide.Transmit)) : floor);
    }

    internal Fibre FibreLocked(string linkId) =>
        _fibres.TryGetValue(linkId, out var fibre) ? fibre : throw new SimulatorException($"no link '{linkId}' in topology '{Topology.Name}'");

    private void SetSource(string node, string port, PortSide side, double? dbm)
    {
        var n = NodeOf(node);
        var p = PortOf(n, port);
        bool allowed = side == PortSide.Transmit ? PortRoles.CanTransmit(p) : PortRoles.CanReceive(p);
        if (!allowed)
        {
            throw new SimulatorException($"{node}:{p.Name} is {PortRoles.Describe(p.Direction)}: it cannot {(side == PortSide.Transmit ? "transmit" : "receive")}");
        }

        var point = new LightPoint(n.Id, p.Name, side);
        Update(() =>
        {
            _light.SetSource(point, dbm);
            return true;
        });
    }

    /// <summary>Brings light up to date with every change so far, then the alarms of the switches it changed at (in topology order).</summary>
    private void RecomputeLocked()
    {
        _computed = _version;
        _light.Apply(_changedLight);
        foreach (var point in _changedLight)
        {
            if (point.Side == PortSide.Receive && _switches.TryGetValue(point.Node, out var sw))
            {
                CheckAlarmLocked(sw, point.Port);
            }
        }

        _changedLight.Clear();
        if (_alarmsToCheck.Count == 0)
        {
            return;
        }

        var now = Time.GetUtcNow();
        foreach (var sw in Switches)
        {
            if (_alarmsToCheck.TryGetValue(sw, out var ports))
            {
                sw.UpdateAlarmsLocked(now, _outbox, ports);
            }
        }

        _alarmsToCheck.Clear();
    }

    private IEnumerable<(LightPoint To, double LossDb)> CrossConnectsFrom(LightPoint point) =>
        point.Side == PortSide.Receive && _switches.TryGetValue(point.Node, out var sw)
            ? sw.LightOutOfLocked(point.Port, Options.Light.InsertionLossDb)
            : [];

    /// <summary>
    /// Delivers queued alarm events in order, one deliverer at a time. A caller that finds another delivering leaves
    /// its events to it instead of queueing behind it: the deliverer looks at the outbox again after it stops, so an
    /// event queued meanwhile is never stranded.
    /// </summary>
    private void Deliver()
    {
        var batch = new List<(OpticalSwitch Switch, DeviceAlarm Alarm)>();
        while (Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
        {
            try
            {
                while (true)
                {
                    batch.Clear();
                    lock (Gate)
                    {
                        while (_outbox.TryDequeue(out var next))
                        {
                            batch.Add(next);
                        }
                    }

                    if (batch.Count == 0)
                    {
                        break;
                    }

                    foreach (var (sw, alarm) in batch)
                    {
                        sw.OnAlarmChanged(alarm);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _delivering, 0);
            }

            lock (Gate)
            {
                if (_outbox.Count == 0)
                {
                    return;
                }
            }
        }
    }

    private SwitchDialect DialectOf(Node node) => node.Vendor?.Trim().ToUpperInvariant() switch
    {
        "GLIMMERGLASS" => SwitchDialect.Glimmerglass,
        "CALIENT" => SwitchDialect.Calient,
        _ => Options.DefaultDialect ?? throw new SimulatorException(
            $"optical switch '{node.Id}' has vendor '{node.Vendor ?? "(none)"}', which the simulator does not speak (glimmerglass, calient); set SimulatorOptions.DefaultDialect to simulate it anyway"),
    };

    private Fibre FibreOf(Link link)
    {
        var (aReceive, aTransmit) = Ends(link.A);
        var (bReceive, bTransmit) = Ends(link.B);
        return new Fibre(link.Id, aTransmit, aReceive, bTransmit, bReceive, FibreLoss.Of(link.LengthKm, Options.Light));
    }

    private (LightPoint? Receive, LightPoint? Transmit) Ends(LinkEndpoint end)
    {
        if (end.Port is null || Topology.GetNode(end.Node).FindPort(end.Port) is not { } port)
        {
            return (null, null);
        }

        var (receive, transmit) = PortRoles.Attachment(port);
        return (
            receive is null ? null : new LightPoint(end.Node, receive, PortSide.Receive),
            transmit is null ? null : new LightPoint(end.Node, transmit, PortSide.Transmit));
    }

    private Node NodeOf(string node) =>
        Topology.TryGetNode(node, out var n) ? n : throw new SimulatorException($"no node '{node}' in topology '{Topology.Name}'");

    private Port PortOf(Node node, string port) =>
        (_switches.TryGetValue(node.Id, out var sw) ? sw.FindPort(port) : node.FindPort(port))
        ?? throw new SimulatorException($"node '{node.Id}' has no port '{port}'");
}
