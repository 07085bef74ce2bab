using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>The contract against CIT-PXC, the Caltech Calient (caltech-fdt on 1.1a.2, CHI-CIT-I2 on 1.1a.1).</summary>
public class CalientContractTests : SwitchDriverContract
{
    protected override string Switch => "CIT-PXC";

    protected override CrossConnect HostToWan => new("1.1a.2", "1.1a.1", Duplex: true);

    protected override CrossConnect Conflicting => new("1.1a.3", "1.1a.1", Duplex: false);

    protected override CrossConnect InvalidPort => new("1.1a.2", "9.9z.99", Duplex: false);

    protected override string HostLink => "CIT-FDT";

    protected override object CreateDriver(Tl1Session session) => new CalientTl1Driver(session);

    [Fact]
    public async Task Watch_LostAutonomousMessage_AtagGapLeadsToResyncWithActiveAlarms()
    {
        await Driver.ApplyAsync(HostToWan with { Duplex = false }).WaitAsync(Wait);
        using var cts = new CancellationTokenSource(Wait);
        await using var events = Alarms.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var sw = Simulator.Network.GetSwitch(Switch);

        Simulator.Network.Faults.CutLink(HostLink);
        await NextAlarm(events, a => !a.IsCleared);
        sw.Faults.LoseNextAutonomous(1);
        Simulator.Network.Faults.RepairLink(HostLink);    // the clear is lost: its ATAG is skipped
        Simulator.Network.Faults.CutLink(HostLink);       // the next raise shows the gap

        DeviceEvent.Resynchronized? resync = null;
        while (resync is null && await events.MoveNextAsync().AsTask().WaitAsync(Wait))
        {
            resync = events.Current as DeviceEvent.Resynchronized;
        }

        Assert.NotNull(resync);
        Assert.Contains("ATAG gap", resync.Reason, StringComparison.Ordinal);
        Assert.Contains(resync.ActiveAlarms, a => a.Entity == HostToWan.From && a.Condition == "LOS");
    }
}
