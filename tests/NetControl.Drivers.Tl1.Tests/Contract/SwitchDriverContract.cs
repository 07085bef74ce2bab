using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>
/// One contract, run against every TL1 switch driver through the photonic switch simulator serving the demo network
/// (topology/uslhcnet.yaml) over real loopback TCP: make, break (duplex and simplex), read back, duplex, port in use,
/// invalid port, reconnect in the middle of a command, alarm on a fibre cut, power. The resync after lost
/// notifications (an ATAG gap) is not here: only Calient sends autonomous messages, so that test is in
/// <see cref="CalientContractTests"/>; Glimmerglass sends none and its driver polls instead.
/// </summary>
public abstract class SwitchDriverContract : IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly AlarmEdges _edges = new();

    protected OpticalSimulator Simulator { get; private set; } = null!;

    protected Tl1Session Session { get; private set; } = null!;

    /// <summary>The switch under test (a node id of uslhcnet.yaml).</summary>
    protected abstract string Switch { get; }

    /// <summary>A cross-connect from the port the local transfer host feeds towards a wide-area link.</summary>
    protected abstract CrossConnect HostToWan { get; }

    /// <summary>Another cross-connect from a different source onto <see cref="HostToWan"/>'s destination.</summary>
    protected abstract CrossConnect Conflicting { get; }

    protected abstract CrossConnect InvalidPort { get; }

    /// <summary>The link between the transfer host and the switch.</summary>
    protected abstract string HostLink { get; }

    protected abstract object CreateDriver(Tl1Session session);

    /// <summary>How the session reaches the simulated switch's TL1 port: raw TCP unless a subclass says otherwise.</summary>
    protected virtual ITl1Transport CreateTransport(int tl1Port) => new TcpTl1Transport("127.0.0.1", tl1Port);

    protected ICrossConnectProgrammable Driver => (ICrossConnectProgrammable)_driver;

    protected IAlarmSource Alarms => (IAlarmSource)_driver;

    private object _driver = null!;

    public async Task InitializeAsync()
    {
        var topology = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));
        Simulator = await OpticalSimulator.StartAsync(topology);
        var endpoint = Simulator.Endpoints.Single(e => e.Name == Switch);
        Session = new Tl1Session(CreateTransport(endpoint.Tl1Port), new Tl1SessionOptions
        {
            Device = Switch,
            UserName = "netctl",
            Password = "secret",
            CommandTimeout = TimeSpan.FromSeconds(10),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        });
        await Session.StartAsync().WaitAsync(Wait);
        _driver = CreateDriver(Session);
    }

    public async Task DisposeAsync()
    {
        await Session.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    [Fact]
    public async Task Apply_Simplex_ReadBackShowsIt()
    {
        var simplex = HostToWan with { Duplex = false };

        await Driver.ApplyAsync(simplex).WaitAsync(Wait);

        var truth = await Driver.ReadCrossConnectsAsync().WaitAsync(Wait);
        Assert.Contains(truth, s => s.Connection == Driver.Canonical(simplex));
    }

    [Fact]
    public async Task Apply_Duplex_ReadBackShowsOneDuplexConnection()
    {
        await Driver.ApplyAsync(HostToWan).WaitAsync(Wait);

        var truth = await Driver.ReadCrossConnectsAsync().WaitAsync(Wait);
        var state = Assert.Single(truth);
        Assert.Equal(Driver.Canonical(HostToWan), state.Connection);
    }

    [Fact]
    public async Task ReadAbout_AppliedDuplex_ReportsItAsTheFullTableDoes()
    {
        await Driver.ApplyAsync(HostToWan).WaitAsync(Wait);

        var about = await Driver.ReadCrossConnectsAsync([HostToWan]).WaitAsync(Wait);
        var full = await Driver.ReadCrossConnectsAsync().WaitAsync(Wait);
        Assert.Equal(Assert.Single(full).Connection, Assert.Single(about, s => s.Connection == Driver.Canonical(HostToWan)).Connection);
    }

    [Fact]
    public async Task ReadAbout_AppliedSimplex_ReportsIt()
    {
        var simplex = HostToWan with { Duplex = false };
        await Driver.ApplyAsync(simplex).WaitAsync(Wait);

        var about = await Driver.ReadCrossConnectsAsync([simplex]).WaitAsync(Wait);
        Assert.Contains(about, s => s.Connection == Driver.Canonical(simplex));
    }

    [Fact]
    public async Task ReadAbout_NeverMade_NotReported()
    {
        await Driver.ApplyAsync(HostToWan).WaitAsync(Wait);

        var about = await Driver.ReadCrossConnectsAsync([Conflicting]).WaitAsync(Wait);
        Assert.DoesNotContain(about, s => s.Connection == Driver.Canonical(Conflicting));
    }

    [Fact]
    public async Task Remove_Applied_ReadBackEmpty()
    {
        await Driver.ApplyAsync(HostToWan).WaitAsync(Wait);

        await Driver.RemoveAsync(HostToWan).WaitAsync(Wait);

        Assert.Empty(await Driver.ReadCrossConnectsAsync().WaitAsync(Wait));
    }

    /// <summary>Breaks a one-way connection: Calient <c>DLT-CRS src&gt;dst</c>, Glimmerglass a simplex <c>DLT-CRS-FIBER</c>.</summary>
    [Fact]
    public async Task Remove_Simplex_ReadBackEmpty()
    {
        var simplex = HostToWan with { Duplex = false };
        await Driver.ApplyAsync(simplex).WaitAsync(Wait);

        await Driver.RemoveAsync(simplex).WaitAsync(Wait);

        Assert.Empty(await Driver.ReadCrossConnectsAsync().WaitAsync(Wait));
    }

    [Fact]
    public async Task Apply_PortInUse_DeniedAndNothingChanged()
    {
        await Driver.ApplyAsync(HostToWan).WaitAsync(Wait);

        var error = await Assert.ThrowsAnyAsync<DeviceException>(() => Driver.ApplyAsync(Conflicting).WaitAsync(Wait));

        Assert.Equal("SRAC", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal([Driver.Canonical(HostToWan)], (await Driver.ReadCrossConnectsAsync().WaitAsync(Wait)).Select(s => s.Connection));
    }

    [Fact]
    public async Task Apply_InvalidPort_DeniedIiac()
    {
        var error = await Assert.ThrowsAnyAsync<DeviceException>(() => Driver.ApplyAsync(InvalidPort).WaitAsync(Wait));

        Assert.Equal("IIAC", error.ErrorCode);
        Assert.Contains(Switch, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ConnectionDroppedMidCommand_FailsTransientThenDeviceTruthAfterReconnect()
    {
        var sw = Simulator.Network.GetSwitch(Switch);
        sw.Faults.HangNext(1);

        var apply = Driver.ApplyAsync(HostToWan);
        await Eventually.TrueAsync(() => sw.Faults.PendingHangs == 0);
        sw.Faults.DropConnections();

        var error = await Assert.ThrowsAsync<Tl1ConnectionLostException>(() => apply.WaitAsync(Wait));
        Assert.True(error.IsTransient);

        // The session logs in again by itself; the device did execute the command, and device truth says so.
        var truth = await Driver.ReadCrossConnectsAsync().WaitAsync(Wait);
        Assert.Equal([Driver.Canonical(HostToWan)], truth.Select(s => s.Connection));
        Assert.Equal(Tl1SessionState.Ready, Session.State);
    }

    [Fact]
    public async Task Watch_HostFibreCut_RaisesLossOfLightThenClearsOnRepair()
    {
        await Driver.ApplyAsync(HostToWan with { Duplex = false }).WaitAsync(Wait);
        using var cts = new CancellationTokenSource(Wait);
        await using var events = Alarms.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await Settle(events);

        Simulator.Network.Faults.CutLink(HostLink);
        var raised = await NextAlarm(events, a => a.Condition == "LOS" && !a.IsCleared);
        Assert.Equal(HostToWan.From, raised.Entity);
        Assert.True(raised.ServiceAffecting);

        Simulator.Network.Faults.RepairLink(HostLink);
        var cleared = await NextAlarm(events, a => a.Condition == "LOS" && a.IsCleared);
        Assert.Equal(HostToWan.From, cleared.Entity);
    }

    [Fact]
    public async Task ReadActiveAlarms_AfterCut_ListsLossOfLight()
    {
        await Driver.ApplyAsync(HostToWan with { Duplex = false }).WaitAsync(Wait);

        Simulator.Network.Faults.CutLink(HostLink);

        var alarms = await Alarms.ReadActiveAlarmsAsync().WaitAsync(Wait);
        Assert.Contains(alarms, a => a.Entity == HostToWan.From && a.Condition == "LOS");
    }

    [Fact]
    public async Task ReadPower_HostPortLitThenCut_LightThenNoLight()
    {
        var power = (IOpticalPowerMonitor)_driver;
        await Driver.ApplyAsync(HostToWan with { Duplex = false }).WaitAsync(Wait);

        var before = Assert.Single(await power.ReadPowerAsync([HostToWan.From]).WaitAsync(Wait));
        Simulator.Network.Faults.CutLink(HostLink);
        var after = Assert.Single(await power.ReadPowerAsync([HostToWan.From]).WaitAsync(Wait));

        Assert.True(before.HasLight, $"{before.Port} reads {before.PowerDbm} dBm before the cut");
        Assert.InRange(before.PowerDbm, -20, 0);
        Assert.False(after.HasLight);
        Assert.True(after.PowerDbm < -20, $"{after.Port} reads {after.PowerDbm} dBm after the cut");
    }

    /// <summary>Lets the watcher take its first look before the world changes (polling drivers report a baseline).</summary>
    protected virtual Task Settle(IAsyncEnumerator<DeviceEvent> events) => Task.CompletedTask;

    /// <summary>The next alarm edge that matches, whether the driver reports edges (Calient) or polled levels (Glimmerglass).</summary>
    protected async Task<DeviceAlarm> NextAlarm(IAsyncEnumerator<DeviceEvent> events, Func<DeviceAlarm, bool> match)
    {
        while (await events.MoveNextAsync().AsTask().WaitAsync(Wait))
        {
            if (_edges.Next(events.Current).FirstOrDefault(match) is { } alarm)
            {
                return alarm;
            }
        }

        throw new InvalidOperationException("the alarm stream ended");
    }
}
