using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Faults;

public sealed class SwitchFaultsTests : IDisposable
{
    private readonly AgentHarness _gg = new(Networks.SimulateUslhcnet(), "GVA-GG");

    public void Dispose() => _gg.Dispose();

    [Fact]
    public void DenyNext_Two_DeniesTwoCommandsWithoutExecutingThem()
    {
        _gg.Switch.Faults.DenyNext(2, "SARB");

        _gg.Denied("ENT-CRS-FIBER::10001,20005:2;", "SARB");
        _gg.Denied("ENT-CRS-FIBER::10001,20005:3;", "SARB");
        Assert.Empty(_gg.Switch.Connections);

        _gg.Completed("ENT-CRS-FIBER::10001,20005:4;");
        Assert.Single(_gg.Switch.Connections);
        Assert.Equal(0, _gg.Switch.Faults.PendingDenials);
    }

    [Fact]
    public void DenyNext_DefaultCode_IsSrof()
    {
        _gg.Switch.Faults.DenyNext(1);

        _gg.Denied("RTRV-HDR:::2;", "SROF");
    }

    [Theory]
    [InlineData("srof")]
    [InlineData("SRO")]
    [InlineData("SROFF")]
    public void DenyNext_MalformedCode_Throws(string code)
    {
        Assert.Throws<ArgumentException>(() => _gg.Switch.Faults.DenyNext(1, code));
    }

    [Fact]
    public void HangNext_One_ExecutesButDoesNotAnswer()
    {
        _gg.Switch.Faults.HangNext(1);

        var hung = _gg.Run("ENT-CRS-FIBER::10001,20005:2;");

        Assert.Equal(CommandDisposition.NoResponse, hung.Disposition);
        Assert.Empty(hung.Responses);
        Assert.Single(_gg.Switch.Connections);
        _gg.Completed("RTRV-HDR:::3;");
    }

    [Fact]
    public void DropConnections_RaisesEventAndDropsTheNextCommandOnly()
    {
        int raised = 0;
        _gg.Switch.Faults.DropRequested += (_, _) => raised++;

        _gg.Switch.Faults.DropConnections();

        Assert.Equal(1, raised);
        Assert.True(_gg.Switch.Faults.ConnectionDropPending);
        var dropped = _gg.Run("ENT-CRS-FIBER::10001,20005:2;");
        Assert.Equal(CommandDisposition.DropConnection, dropped.Disposition);
        Assert.Empty(dropped.Responses);
        Assert.Empty(_gg.Switch.Connections);
        Assert.False(_gg.Switch.Faults.ConnectionDropPending);
        _gg.Completed("RTRV-HDR:::3;");
    }

    [Fact]
    public void SetLatency_FixedOnly_EveryOutcomeWaitsExactly()
    {
        _gg.Switch.Faults.SetLatency(TimeSpan.FromMilliseconds(250));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(TimeSpan.FromMilliseconds(250), _gg.Run("RTRV-HDR:::1;").Latency));
    }

    [Fact]
    public void SetLatency_WithJitter_WithinRangeAndReproducibleFromTheSeed()
    {
        var first = Draws(seed: 42);
        var again = Draws(seed: 42);
        var other = Draws(seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.All(first, l => Assert.InRange(l, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150)));
        Assert.True(first.Distinct().Count() > 1);
    }

    [Fact]
    public void Latency_Default_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, _gg.Run("RTRV-HDR:::1;").Latency);
        Assert.Equal(default, _gg.Switch.Faults.Latency);
    }

    [Fact]
    public void Reset_AfterInjections_ClearsPendingFaults()
    {
        var faults = _gg.Switch.Faults;
        faults.DenyNext(3);
        faults.HangNext(3);
        faults.LoseNextAutonomous(3);
        faults.DropConnections();
        faults.SetLatency(TimeSpan.FromSeconds(1));

        faults.Reset();

        Assert.Equal(Tl1CompletionCode.Completed, _gg.Send("RTRV-HDR:::1;").Code);
        Assert.Equal(0, faults.PendingHangs);
        Assert.Equal(0, faults.PendingLostAutonomous);
        Assert.False(faults.ConnectionDropPending);
        Assert.Equal(TimeSpan.Zero, faults.NextLatency());
    }

    [Fact]
    public void FailMirror_UnknownPort_Throws()
    {
        Assert.Throws<SimulatorException>(() => _gg.Switch.Faults.FailMirror("30001"));
    }

    [Fact]
    public void FailMirror_ThenRepair_TracksState()
    {
        _gg.Switch.Faults.FailMirror("10001");
        Assert.True(_gg.Switch.Faults.IsMirrorFailed("10001"));

        _gg.Switch.Faults.RepairMirror("10001");
        Assert.False(_gg.Switch.Faults.IsMirrorFailed("10001"));
    }

    private static List<TimeSpan> Draws(int seed)
    {
        var network = new SimulatedNetwork(Networks.Uslhcnet, new SimulatorOptions { Seed = seed }, new ManualClock());
        using var h = new AgentHarness(network, "CHI-PXC");
        h.Switch.Faults.SetLatency(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));
        return [.. Enumerable.Range(0, 8).Select(_ => h.Run("RTRV-HDR:::1;").Latency)];
    }
}
