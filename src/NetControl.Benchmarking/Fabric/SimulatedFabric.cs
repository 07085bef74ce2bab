using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Devices;
using NetControl.Core.Topology;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Orchestration.Restoration;
using NetControl.Simulators.Optical.Light;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Server;

namespace NetControl.Benchmarking.Fabric;

/// <summary>
/// The optical simulator of a topology with a real TL1 session and dialect driver per switch over loopback TCP, and
/// alarm watch loops that feed an <see cref="IDeviceEventSink"/>: what the controller runs against in benchmarks,
/// the kill test and the orchestration tests.
/// </summary>
public sealed class SimulatedFabric : IAsyncDisposable
{
    private readonly Dictionary<string, (Tl1Session Session, ICrossConnectProgrammable Driver)> _devices = new(StringComparer.Ordinal);
    private readonly List<AlarmWatcher> _watchers = [];
    private readonly SimulatedFabricOptions _options;

    private SimulatedFabric(OpticalSimulator simulator, SimulatedFabricOptions options)
    {
        Simulator = simulator;
        _options = options;
    }

    public OpticalSimulator Simulator { get; }

    public IReadOnlyCollection<string> Switches => _devices.Keys;

    public static async Task<SimulatedFabric> StartAsync(NetworkTopology topology, SimulatedFabricOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatedFabricOptions();
        var light = options.AmplifiedSpans ? new LightOptions { AmplifierSpacingKm = 0 } : new LightOptions();
        var simulator = await OpticalSimulator.StartAsync(topology, options: new SimulatorOptions { Light = light }).ConfigureAwait(false);
        var fabric = new SimulatedFabric(simulator, options);
        try
        {
            foreach (var sw in simulator.Network.Switches)
            {
                sw.Faults.SetLatency(options.SwitchLatency, options.SwitchJitter);
            }

            if (options.TransponderPowerDbm is { } dbm)
            {
                LightAddDropPorts(topology, simulator, dbm);
            }

            await fabric.ConnectAllAsync(cancellationToken).ConfigureAwait(false);
            return fabric;
        }
        catch
        {
            await fabric.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A transponder on every switch port no fibre reaches sends light into it, as a host does on its access fibre:
    /// without it a lightpath between add/drop ports carries no light and every switch on it reports loss of light.
    /// </summary>
    private static void LightAddDropPorts(NetworkTopology topology, OpticalSimulator simulator, double dbm)
    {
        var linked = topology.Links.SelectMany(l => new[] { l.A, l.B }).Where(e => e.Port is not null).Select(e => (e.Node, e.Port!)).ToHashSet();
        foreach (var node in topology.Nodes.Where(n => n.Kind == NodeKind.OpticalSwitch))
        {
            foreach (var port in node.Ports.Where(p => p.Direction != PortDirection.Output && !linked.Contains((node.Id, p.Name))))
            {
                simulator.Network.InjectLight(node.Id, port.Name, dbm);
            }
        }
    }

    /// <summary>The driver of a switch; an unknown name is a <see cref="DeviceException"/>.</summary>
    public ICrossConnectProgrammable Device(string name) =>
        _devices.TryGetValue(name, out var device) ? device.Driver : throw new DeviceException(name, $"no managed switch named '{name}'");

    /// <summary>Starts one alarm watch loop per switch (Calient autonomous alarms, Glimmerglass power polling) into <paramref name="sink"/>: the controller's own loops.</summary>
    public void WatchAlarms(IDeviceEventSink sink) =>
        _watchers.Add(new AlarmWatcher(
            [.. _devices.Select(d => (d.Key, (IAlarmSource)d.Value.Driver))],
            sink,
            NullLogger<AlarmWatcher>.Instance,
            TimeProvider.System,
            TimeSpan.FromMilliseconds(100)));

    /// <summary>Drops every TL1 session at once without logging out (a controller that died), then connects new ones.</summary>
    public async Task ReconnectAllAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        await ConnectAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ConnectAllAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in Simulator.Endpoints)
        {
            var session = new Tl1Session(
                new TcpTl1Transport("127.0.0.1", endpoint.Tl1Port),
                new Tl1SessionOptions { Device = endpoint.Name, UserName = "netcontrol", Password = "netcontrol", KeepAliveInterval = Timeout.InfiniteTimeSpan, CommandTimeout = _options.CommandTimeout });
            await session.StartAsync(cancellationToken).ConfigureAwait(false);
            var driverOptions = new Tl1DriverOptions { PowerPollInterval = _options.PowerPollInterval };
            var dialect = Enum.Parse<Tl1Dialect>(endpoint.Dialect, ignoreCase: true);
            var driver = Tl1DriverFactory.Create(dialect, session, driverOptions);
            _devices[endpoint.Name] = (session, driver);
        }
    }

    private async Task StopAsync()
    {
        foreach (var watcher in _watchers)
        {
            await watcher.DisposeAsync().ConfigureAwait(false);
        }

        _watchers.Clear();
        foreach (var (_, (session, _)) in _devices)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _devices.Clear();
    }
}
