using NetControl.Core.Topology;
using NetControl.Orchestration.Restoration;
using NetControl.Orchestration.Tests.Lightpaths;

namespace NetControl.Orchestration.Tests.Restoration;

/// <summary>
/// The correlator on the demo network: Glimmerglass ends are input/output pairs (10005 receives, 20005 sends),
/// Calient ends are duplex ports.
/// </summary>
public sealed class LinkFailureCorrelatorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly LinkFailureCorrelator _correlator = new(ServiceHarness.UsLhcNet());

    [Fact]
    public void Observe_HostFibreReceivePortDark_DeclaresTheLinkDown()
    {
        var change = _correlator.Observe(new PortRef("GVA-GG", "10001"), dark: true, claimed: true, "LOS", At);

        Assert.NotNull(change);
        Assert.Equal("CERN-FDT", change.Link);
        Assert.True(change.Down);
        Assert.Contains("CERN-FDT", _correlator.Down);
    }

    [Fact]
    public void Observe_OutputPortLitWhileItsInputIsCut_KeepsTheLinkDown()
    {
        _correlator.Observe(new PortRef("GVA-GG", "10001"), dark: true, claimed: true, "LOS", At);

        // The reverse direction of the lightpath still leaves through 20001 into the cut fibre: no repair.
        var change = _correlator.Observe(new PortRef("GVA-GG", "20001"), dark: false, claimed: true, "linkUp", At);

        Assert.Null(change);
        Assert.Contains("CERN-FDT", _correlator.Down);
    }

    [Fact]
    public void Observe_DownstreamOfACutOnlyOutputAndFarReceiveDark_LeavesThatLinkUp()
    {
        // CERN-FDT cut: GVA-GG forwards no light into CHI-GVA-QWEST (20005 dark), so CHI-PXC receives none; the light
        // from Caltech still arrives at GVA-GG:10005, so the fibre itself is fine.
        _correlator.Observe(new PortRef("GVA-GG", "20005"), dark: true, claimed: true, "power low", At);
        var change = _correlator.Observe(new PortRef("CHI-PXC", "1.1a.2"), dark: true, claimed: true, "LOS", At);

        Assert.Null(change);
        Assert.DoesNotContain("CHI-GVA-QWEST", _correlator.Down);
    }

    [Fact]
    public void Observe_BothReceiveEndsDark_DeclaresTheLinkDown()
    {
        Assert.Null(_correlator.Observe(new PortRef("CHI-PXC", "1.1a.2"), dark: true, claimed: true, "LOS", At));
        var change = _correlator.Observe(new PortRef("GVA-GG", "10005"), dark: true, claimed: true, "power low", At);

        Assert.NotNull(change);
        Assert.Equal("CHI-GVA-QWEST", change.Link);
        Assert.True(change.Down);
    }

    [Fact]
    public void Observe_ReceivePortLitAgain_BringsTheLinkUp()
    {
        _correlator.Observe(new PortRef("GVA-GG", "10001"), dark: true, claimed: true, "LOS", At);

        var change = _correlator.Observe(new PortRef("GVA-GG", "10001"), dark: false, claimed: true, "light", At);

        Assert.NotNull(change);
        Assert.False(change.Down);
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Observe_UnclaimedPortDark_ProvesNothing()
    {
        Assert.Null(_correlator.Observe(new PortRef("GVA-GG", "10001"), dark: true, claimed: false, "LOS", At));
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_ReceivePortListedDark_DeclaresTheLinkDown()
    {
        var changes = _correlator.Resync("GVA-GG", new HashSet<string> { "10001", "20005" }, _ => true, "resync", At);

        var change = Assert.Single(changes);
        Assert.Equal("CERN-FDT", change.Link);
    }
}
