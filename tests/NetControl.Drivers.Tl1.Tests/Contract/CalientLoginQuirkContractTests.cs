using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>
/// The Calient login quirk (<c>SwitchFaults.LoginQuirkWindow</c>: the first command after ACT-USER is denied PLNA)
/// through <see cref="Tl1Session"/> and <see cref="CalientTl1Driver"/> against the simulated CIT-PXC over loopback
/// TCP. Not part of <see cref="SwitchDriverContract"/>: there a command hung or dropped right after login would be
/// the denied one, and never executed.
/// </summary>
public sealed class CalientLoginQuirkContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly CrossConnect HostToWan = new("1.1a.2", "1.1a.1", Duplex: true);
    private readonly LogCapture _log = new();
    private OpticalSimulator _simulator = null!;
    private Tl1Session _session = null!;

    public async Task InitializeAsync()
    {
        var topology = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));
        _simulator = await OpticalSimulator.StartAsync(topology);
        // The quirk denies only the first command after each login, so a wide window costs nothing (the retry waits
        // LoginSettleDelay, 200 ms) and cannot expire before that command on a loaded machine (a 2 s one could).
        _simulator.Network.GetSwitch("CIT-PXC").Faults.LoginQuirkWindow = TimeSpan.FromSeconds(60);
        var endpoint = _simulator.Endpoints.Single(e => e.Name == "CIT-PXC");
        _session = new Tl1Session(
            new TcpTl1Transport("127.0.0.1", endpoint.Tl1Port),
            new Tl1SessionOptions
            {
                Device = "CIT-PXC",
                UserName = "netctl",
                Password = "secret",
                CommandTimeout = TimeSpan.FromSeconds(10),
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            },
            _log.For<Tl1Session>());
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task LoginQuirk_ConnectApplyReconnectResync_EachFirstCommandRetriedAfterPlna()
    {
        await _session.StartAsync().WaitAsync(Wait);
        var driver = new CalientTl1Driver(_session);

        // Connect: the first command after the login is denied PLNA and retried once.
        await driver.ApplyAsync(HostToWan).WaitAsync(Wait);
        Assert.Equal(1, PlnaRetries());
        Assert.Equal([HostToWan], (await driver.ReadCrossConnectsAsync().WaitAsync(Wait)).Select(s => s.Connection));

        // Reconnect: the resync read is the first command after the new login; it too is retried, and succeeds.
        using var cts = new CancellationTokenSource(Wait);
        await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var watching = NextResyncAsync(events);
        _simulator.Network.GetSwitch("CIT-PXC").Faults.DropConnections();

        var resync = await watching.WaitAsync(Wait);
        Assert.StartsWith("reconnected", resync.Reason, StringComparison.Ordinal);
        Assert.Equal(2, PlnaRetries());
        Assert.Equal(Tl1SessionState.Ready, _session.State);
        Assert.Equal([HostToWan], (await driver.ReadCrossConnectsAsync().WaitAsync(Wait)).Select(s => s.Connection));
    }

    /// <summary>The next resync, past the alarms the cross-connect raised (its far end is dark).</summary>
    private static async Task<DeviceEvent.Resynchronized> NextResyncAsync(IAsyncEnumerator<DeviceEvent> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current is DeviceEvent.Resynchronized resync)
            {
                return resync;
            }
        }

        throw new InvalidOperationException("the alarm stream ended");
    }

    private int PlnaRetries() => _log.Count("denied PLNA right after login");
}
