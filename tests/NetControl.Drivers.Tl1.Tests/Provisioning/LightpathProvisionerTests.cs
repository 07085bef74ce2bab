using System.Diagnostics;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Tl1.Tests.Provisioning;

/// <summary>
/// <see cref="LightpathProvisioner"/> against the photonic switch simulator of topology/uslhcnet.yaml over loopback TCP,
/// one TL1 session per switch: the CERN-to-Caltech lightpath GVA-GG → CHI-PXC → CIT-PXC.
/// </summary>
public sealed class LightpathProvisionerTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly CrossConnectStep Geneva = new("GVA-GG", new CrossConnect("10001", "20005", Duplex: true));
    private static readonly CrossConnectStep Chicago = new("CHI-PXC", new CrossConnect("1.1a.2", "1.1a.4", Duplex: true));
    private static readonly CrossConnectStep Caltech = new("CIT-PXC", new CrossConnect("1.1a.1", "1.1a.2", Duplex: true));
    private static readonly ProvisioningPlan CernToCaltech = new([Geneva, Chicago, Caltech]);

    private readonly List<Tl1Session> _sessions = [];
    private readonly Dictionary<string, FlakyDevice> _devices = new(StringComparer.Ordinal);
    private OpticalSimulator _simulator = null!;
    private LightpathProvisioner _provisioner = null!;

    public async Task InitializeAsync()
    {
        // On 2 cores the pool starts with 2 threads and adds one per 500 ms when starved. Something on the simulator or
        // session path blocks a pool thread at start (not found yet): without this, about one run in three of the
        // parallelism test below took 1.5 s (three 500 ms injection steps), run alone, before and after this
        // session's simulator changes.
        ThreadPool.SetMinThreads(8, 8);
        var topology = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));
        _simulator = await OpticalSimulator.StartAsync(topology);
        foreach (string name in new[] { "GVA-GG", "CHI-PXC", "CIT-PXC" })
        {
            var endpoint = _simulator.Endpoints.Single(e => e.Name == name);
            var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", endpoint.Tl1Port), new Tl1SessionOptions
            {
                Device = name,
                UserName = "netctl",
                Password = "secret",
                CommandTimeout = TimeSpan.FromSeconds(10),
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            });
            _sessions.Add(session);
            await session.StartAsync().WaitAsync(Wait);
            ICrossConnectProgrammable driver = name == "GVA-GG" ? new GlimmerglassTl1Driver(session) : new CalientTl1Driver(session);
            _devices[name] = new FlakyDevice(name, driver);
        }

        _provisioner = new LightpathProvisioner(name => _devices[name]);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task ProvisionAsync_ThreeSwitchDuplexPlan_SucceedsAndEverySwitchShowsItsConnection()
    {
        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.All(outcome.Steps, r => Assert.Equal(StepStatus.Applied, r.Status));
        Assert.Equal(CernToCaltech.Steps, outcome.Steps.Select(r => r.Step));
        foreach (var step in CernToCaltech.Steps)
        {
            Assert.Equal([Canonical(step)], await Truth(step.Device));
        }

        Assert.StartsWith("provision succeeded in ", outcome.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Summary);
    }

    [Fact]
    public async Task ProvisionAsync_SwitchesAnswerIn1500Ms_CommandsRunInParallel()
    {
        foreach (string name in CernToCaltech.Devices)
        {
            _simulator.Network.GetSwitch(name).Faults.SetLatency(TimeSpan.FromMilliseconds(1500));
        }

        var clock = Stopwatch.StartNew();
        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);
        clock.Stop();

        Assert.True(outcome.Succeeded, outcome.Summary);

        // The read-back is sent right behind the applies on each session, so each switch costs one round trip: about
        // 1,500 ms when the three switches work at the same time, 3 x 1,500 = 4,500 ms one after another (9,000 ms if
        // each read waited for its apply). 3,500 ms leaves 2 s for a loaded machine (a CI run under load once took
        // 1.6 s for 0.5 s switches) and still rules out serial work. (A property check, not a speed measurement:
        // speed is in netctl bench.)
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(3500), $"took {clock.Elapsed.TotalMilliseconds:0} ms; {outcome.Summary}");
        Assert.True(outcome.Elapsed >= TimeSpan.FromMilliseconds(1500), $"elapsed {outcome.Elapsed.TotalMilliseconds:0} ms: the latency was not applied");
        Assert.True(outcome.Elapsed <= clock.Elapsed);
    }

    [Fact]
    public async Task ProvisionAsync_PortInUseOnChicago_FailsAndRollsBackTheOthersLeavingTheExistingConnection()
    {
        var existing = new CrossConnect("1.1a.1", "1.1a.4", Duplex: true);   // NYC towards Caltech holds 1.1a.4
        await _devices["CHI-PXC"].ApplyAsync(existing).WaitAsync(Wait);

        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.False(outcome.Succeeded);
        var chicago = Assert.Single(outcome.Steps, r => r.Step == Chicago);
        Assert.Equal(StepStatus.Failed, chicago.Status);
        Assert.Contains("SRAC", chicago.Error, StringComparison.Ordinal);
        Assert.Equal(StepStatus.RolledBack, outcome.Steps.Single(r => r.Step == Geneva).Status);
        Assert.Equal(StepStatus.RolledBack, outcome.Steps.Single(r => r.Step == Caltech).Status);
        Assert.Empty(await Truth("GVA-GG"));
        Assert.Empty(await Truth("CIT-PXC"));
        Assert.Equal([_devices["CHI-PXC"].Canonical(existing)], await Truth("CHI-PXC"));
        Assert.Contains("SRAC", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisionAsync_DeniedOnCaltech_RollsBackTheOthers()
    {
        _simulator.Network.GetSwitch("CIT-PXC").Faults.DenyNext(1, "SROF");

        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.False(outcome.Succeeded);
        var caltech = Assert.Single(outcome.Steps, r => r.Step == Caltech);
        Assert.Equal(StepStatus.Failed, caltech.Status);
        Assert.Contains("SROF", caltech.Error, StringComparison.Ordinal);
        Assert.Equal(StepStatus.RolledBack, outcome.Steps.Single(r => r.Step == Geneva).Status);
        Assert.Equal(StepStatus.RolledBack, outcome.Steps.Single(r => r.Step == Chicago).Status);
        foreach (string name in CernToCaltech.Devices)
        {
            Assert.Empty(await Truth(name));
        }
    }

    [Fact]
    public async Task ProvisionAsync_ApplyResponseLostButCommandTookEffect_ReadBackCountsItApplied()
    {
        _devices["CHI-PXC"].LoseApplyResponse = true;

        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.True(outcome.Succeeded, outcome.Summary);
        Assert.All(outcome.Steps, r => Assert.Equal(StepStatus.Applied, r.Status));
        Assert.Equal([Canonical(Chicago)], await Truth("CHI-PXC"));
    }

    [Fact]
    public async Task ProvisionAsync_RollbackRemovalFails_ReportsRollbackFailed()
    {
        _simulator.Network.GetSwitch("CIT-PXC").Faults.DenyNext(1, "SROF");
        _devices["GVA-GG"].FailRemove = true;

        var outcome = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.False(outcome.Succeeded);
        var geneva = Assert.Single(outcome.Steps, r => r.Step == Geneva);
        Assert.Equal(StepStatus.RollbackFailed, geneva.Status);
        Assert.Contains("rollback failed", geneva.Error, StringComparison.Ordinal);
        Assert.Equal(StepStatus.RolledBack, outcome.Steps.Single(r => r.Step == Chicago).Status);
        Assert.Equal([Canonical(Geneva)], await Truth("GVA-GG"));
        Assert.Contains("1 rollback failed", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvisionAsync_RetryAfterSuccess_IsIdempotent()
    {
        var first = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);
        Assert.True(first.Succeeded, first.Summary);

        var retry = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);

        Assert.True(retry.Succeeded, retry.Summary);
        Assert.All(retry.Steps, r => Assert.Equal(StepStatus.AlreadyPresent, r.Status));
        Assert.All(retry.Steps, r => Assert.Null(r.Error));
        foreach (var step in CernToCaltech.Steps)
        {
            Assert.Equal([Canonical(step)], await Truth(step.Device));
        }
    }

    [Fact]
    public async Task ReleaseAsync_AfterProvision_RemovesEverythingAndSecondReleaseIsNoOp()
    {
        var provisioned = await _provisioner.ProvisionAsync(CernToCaltech).WaitAsync(Wait);
        Assert.True(provisioned.Succeeded, provisioned.Summary);

        var released = await _provisioner.ReleaseAsync(CernToCaltech).WaitAsync(Wait);

        Assert.True(released.Succeeded, released.Summary);
        Assert.All(released.Steps, r => Assert.Equal(StepStatus.Removed, r.Status));
        foreach (string name in CernToCaltech.Devices)
        {
            Assert.Empty(await Truth(name));
        }

        var again = await _provisioner.ReleaseAsync(CernToCaltech).WaitAsync(Wait);

        Assert.True(again.Succeeded, again.Summary);
        // The switches refuse to break what is not connected; read-back shows it absent, so each step is done.
        Assert.All(again.Steps, r => Assert.Equal(StepStatus.NotConnected, r.Status));
        Assert.All(again.Steps, r => Assert.Null(r.Error));
        Assert.StartsWith("release succeeded in ", again.Summary, StringComparison.Ordinal);
        Assert.EndsWith("ms: 3 not connected", again.Summary, StringComparison.Ordinal);
        foreach (string name in CernToCaltech.Devices)
        {
            Assert.Empty(await Truth(name));
        }
    }

    private CrossConnect Canonical(CrossConnectStep step) => _devices[step.Device].Canonical(step.Connection);

    private async Task<IReadOnlyList<CrossConnect>> Truth(string device) =>
        (await _devices[device].ReadCrossConnectsAsync().WaitAsync(Wait)).Select(s => s.Connection).ToList();
}
