using NetControl.Controller.Tests.Support;
using NetControl.Controller.Utilisation;
using NetControl.Drivers.Snmp.Monitoring;

namespace NetControl.Controller.Tests.Utilisation;

/// <summary>
/// The pure side of measured utilisation on the demo network (topology/uslhcnet.yaml): counter reads to rates, switch
/// ports to link ends, rates to per-direction bit/s and percent of the link's capacity. AMS-GVA-GEANT runs from
/// AMS-GG:10001 (A) to GVA-GG:10002 (B), both Glimmerglass input ports paired with output 2000x; CIT-FDT ends on the
/// Calient's bidirectional port CIT-PXC:1.1a.2; all links are 10 Gb/s.
/// </summary>
public sealed class LinkUtilisationTableTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BitsPerSecond_TwoReadsTenSecondsApart_OctetsTimesEightOverSeconds()
    {
        double rate = OctetCounterRate.BitsPerSecond(1_000, 1_000 + 6_250_000_000, 10);

        Assert.Equal(5e9, rate);
    }

    [Fact]
    public void BitsPerSecond_CounterWrappedPast2Pow64_CountsTheOctetsAcrossTheWrap()
    {
        double rate = OctetCounterRate.BitsPerSecond(ulong.MaxValue - 99, 100, 2);

        // From 2^64 - 100: 99 octets up to 2^64 - 1, one to wrap to 0, 100 after it: 200 octets x 8 / 2 s.
        Assert.Equal(800, rate);
    }

    [Fact]
    public void BitsPerSecond_NoTimeBetweenReads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OctetCounterRate.BitsPerSecond(0, 10, 0));
    }

    [Fact]
    public void RolesOf_GlimmerglassInputAndItsPairedOutput_InputReceivesOutputTransmits()
    {
        var map = new PortLinkMap(ApiHarness.UsLhcNet);

        var input = Assert.Single(map.RolesOf("GVA-GG", "10002"));
        var output = Assert.Single(map.RolesOf("GVA-GG", "20002"));

        Assert.Equal(new LinkPortRole("AMS-GVA-GEANT", AtA: false, Receives: true), input);
        Assert.True(input.CountsAToB);
        Assert.Equal(new LinkPortRole("AMS-GVA-GEANT", AtA: false, Receives: false), output);
        Assert.False(output.CountsAToB);
    }

    [Fact]
    public void RolesOf_CalientBidirectionalPort_ReceivesAndTransmitsForItsLink()
    {
        var map = new PortLinkMap(ApiHarness.UsLhcNet);

        var roles = map.RolesOf("CIT-PXC", "1.1A.2");

        Assert.Equal([new LinkPortRole("CIT-FDT", false, true), new LinkPortRole("CIT-FDT", false, false)], roles);
    }

    [Fact]
    public void RolesOf_PortOnNoLinkOrUnknownDevice_Empty()
    {
        var map = new PortLinkMap(ApiHarness.UsLhcNet);

        Assert.Empty(map.RolesOf("GVA-GG", "10016"));
        Assert.Empty(map.RolesOf("NO-SUCH-SWITCH", "10002"));
    }

    [Fact]
    public void Record_OneEndsInputAndOutput_BothDirectionsAndBusierDirectionInPercent()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);

        var changed = table.Record("GVA-GG", [Rate("GVA-GG", "10002", inBps: 4e9, outBps: 0), Rate("GVA-GG", "20002", inBps: 0, outBps: 1e9)]);

        var link = Assert.Single(changed);
        Assert.Equal(new LinkUtilisation("AMS-GVA-GEANT", At, 4e9, 1e9, 10e9), link);
        Assert.Equal(40, link.Percent);
        Assert.Equal(link, table.Get("AMS-GVA-GEANT"));
    }

    [Fact]
    public void Record_SenderAndReceiverBothMeasured_TheReceiverWins()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);

        table.Record("GVA-GG", [Rate("GVA-GG", "10002", inBps: 3e9, outBps: 0)]);
        table.Record("AMS-GG", [Rate("AMS-GG", "20001", inBps: 0, outBps: 5e9)]);

        var link = table.Get("AMS-GVA-GEANT")!;
        Assert.Equal(3e9, link.AToBBitsPerSecond);
        Assert.Null(link.BToABitsPerSecond);
        Assert.Equal(30, link.Percent);
    }

    [Fact]
    public void Record_OnlyTheSenderMeasured_TheSenderCounts()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);

        table.Record("AMS-GG", [Rate("AMS-GG", "20001", inBps: 0, outBps: 2.5e9)]);

        Assert.Equal(2.5e9, table.Get("AMS-GVA-GEANT")!.AToBBitsPerSecond);
        Assert.Equal(25, table.Get("AMS-GVA-GEANT")!.Percent);
    }

    [Fact]
    public void Record_BidirectionalPort_InIsTowardsTheEndOutIsAwayFromIt()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);

        table.Record("CIT-PXC", [Rate("CIT-PXC", "1.1a.2", inBps: 2e9, outBps: 7e9)]);

        // CIT-FDT runs from caltech-fdt (A) to CIT-PXC (B): what the switch receives flows A to B.
        var link = table.Get("CIT-FDT")!;
        Assert.Equal(2e9, link.AToBBitsPerSecond);
        Assert.Equal(7e9, link.BToABitsPerSecond);
        Assert.Equal(70, link.Percent!.Value, 9);
    }

    [Fact]
    public void Record_UnknownPortsAndDevices_IgnoredAndNothingChanges()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);
        long before = table.Version;

        var changed = table.Record("GVA-GG", [Rate("GVA-GG", "10016", 9e9, 9e9), Rate("GVA-GG", "ifIndex 99", 9e9, 9e9)]);
        var other = table.Record("NO-SUCH-SWITCH", [Rate("NO-SUCH-SWITCH", "10002", 9e9, 9e9)]);

        Assert.Empty(changed);
        Assert.Empty(other);
        Assert.Empty(table.All());
        Assert.Null(table.Get("AMS-GVA-GEANT"));
        Assert.Equal(before, table.Version);
    }

    [Fact]
    public void Record_IdleLitPort_MeasuredAtZeroPercent()
    {
        var table = new LinkUtilisationTable(ApiHarness.UsLhcNet);

        table.Record("GVA-GG", [Rate("GVA-GG", "10002", 0, 0), Rate("GVA-GG", "20002", 0, 0)]);

        Assert.Equal(0, table.Get("AMS-GVA-GEANT")!.Percent);
        Assert.Equal(1, table.Version);
    }

    [Fact]
    public void Percent_NoCapacityOrNoDirectionMeasured_Null()
    {
        Assert.Null(new LinkUtilisation("X", At, 1e9, null, null).Percent);
        Assert.Null(new LinkUtilisation("X", At, null, null, 10e9).Percent);
        Assert.Equal(20, new LinkUtilisation("X", At, null, 2e9, 10e9).Percent);
    }

    private static InterfaceRate Rate(string device, string port, double inBps, double outBps) =>
        new(device, port, 1, inBps, outBps, TimeSpan.FromSeconds(1), At);
}
