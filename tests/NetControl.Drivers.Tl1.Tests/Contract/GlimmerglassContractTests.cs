using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>The contract against GVA-GG, the CERN Glimmerglass (cern-fdt on port 1, CHI-GVA-QWEST on port 5).</summary>
public class GlimmerglassContractTests : SwitchDriverContract
{
    protected override string Switch => "GVA-GG";

    protected override CrossConnect HostToWan => new("10001", "20005", Duplex: true);

    protected override CrossConnect Conflicting => new("10002", "20005", Duplex: false);

    protected override CrossConnect InvalidPort => new("10001", "10005", Duplex: false);

    protected override string HostLink => "CERN-FDT";

    protected override object CreateDriver(Tl1Session session) =>
        new GlimmerglassTl1Driver(session, new Tl1DriverOptions { PowerPollInterval = TimeSpan.FromMilliseconds(50) });

    /// <summary>Each poll reports every active alarm: let the first (no alarm yet) run before the world changes.</summary>
    protected override async Task Settle(IAsyncEnumerator<DeviceEvent> events) => await Task.Delay(300);

    [Fact]
    public async Task Watch_LossOfLightStanding_ReportedAgainByEveryPollDatedWhenTheReadBegan()
    {
        await Driver.ApplyAsync(HostToWan with { Duplex = false }).WaitAsync(Wait);
        Simulator.Network.Faults.CutLink(HostLink);
        using var cts = new CancellationTokenSource(Wait);
        await using var events = Alarms.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        // A level each poll, not a change: the consumer needs the darkness again once a lightpath expects light there.
        var polls = new List<DeviceEvent.Resynchronized>();
        while (polls.Count < 3 && await events.MoveNextAsync().AsTask().WaitAsync(Wait))
        {
            var before = DateTimeOffset.UtcNow;
            polls.Add(Assert.IsType<DeviceEvent.Resynchronized>(events.Current));
            Assert.True(polls[^1].ReadAt <= before, $"read dated {polls[^1].ReadAt:O}, after it was received at {before:O}");
        }

        Assert.All(polls, p => Assert.Contains(p.ActiveAlarms, a => a.Entity == HostToWan.From && a.Condition == "LOS"));
        Assert.Equal(3, polls.Select(p => p.ReadAt).Distinct().Count());
    }
}
