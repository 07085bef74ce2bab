using NetControl.Core.Topology;
using NetControl.Orchestration.Restoration;
using NetControl.Orchestration.Tests.Lightpaths;

namespace NetControl.Orchestration.Tests.Restoration;

/// <summary>
/// The correlator on the demo network: Glimmerglass ends are input/output pairs (10005 receives, 20005 sends),
/// Calient ends are duplex ports. The lightpath lp-1 runs cern-fdt, GVA-GG, CHI-GVA-QWEST, CHI-PXC, CHI-CIT-I2,
/// CIT-PXC, caltech-fdt; these are its receive ports.
/// </summary>
public sealed class LinkFailureCorrelatorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly PortRef FromCern = new("GVA-GG", "10001");
    private static readonly PortRef GvaFromChi = new("GVA-GG", "10005");
    private static readonly PortRef ChiFromGva = new("CHI-PXC", "1.1a.2");
    private static readonly PortRef ChiFromCit = new("CHI-PXC", "1.1a.4");
    private static readonly PortRef CitFromChi = new("CIT-PXC", "1.1a.1");
    private static readonly PortRef FromCaltech = new("CIT-PXC", "1.1a.2");
    private static readonly PortRef[] Lightpath = [FromCern, GvaFromChi, ChiFromGva, ChiFromCit, CitFromChi, FromCaltech];

    private readonly FakePortClaims _claims = new();
    private readonly LinkFailureCorrelator _correlator;

    public LinkFailureCorrelatorTests()
    {
        _correlator = new LinkFailureCorrelator(ServiceHarness.UsLhcNet(), _claims);
        _claims.Claim("lp-1", At, Lightpath);
        _claims.Connect(FromCern, GvaFromChi);
        _claims.Connect(ChiFromGva, ChiFromCit);
        _claims.Connect(CitFromChi, FromCaltech);
    }

    [Fact]
    public void Observe_HostFibreReceivePortDark_DeclaresTheLinkDown()
    {
        var change = Assert.Single(_correlator.Observe(FromCern, dark: true, "LOS", At));

        Assert.Equal("CERN-FDT", change.Link);
        Assert.True(change.Down);
        Assert.Contains("CERN-FDT", _correlator.Down);
    }

    [Fact]
    public void Observe_OutputPortLitWhileItsInputIsCut_KeepsTheLinkDown()
    {
        _correlator.Observe(FromCern, dark: true, "LOS", At);

        // The reverse direction of the lightpath still leaves through 20001 into the cut fibre: no repair.
        Assert.Empty(_correlator.Observe(new PortRef("GVA-GG", "20001"), dark: false, "linkUp", At));
        Assert.Contains("CERN-FDT", _correlator.Down);
    }

    [Fact]
    public void Observe_DownstreamOfACutOnlyOutputAndFarReceiveDark_LeavesThatLinkUp()
    {
        // CERN-FDT cut: GVA-GG forwards no light into CHI-GVA-QWEST (20005 dark), so CHI-PXC receives none; the light
        // from Caltech still arrives at GVA-GG:10005, so the fibre itself is fine.
        Assert.Empty(_correlator.Observe(new PortRef("GVA-GG", "20005"), dark: true, "power low", At));
        Assert.Empty(_correlator.Observe(ChiFromGva, dark: true, "LOS", At));

        Assert.DoesNotContain("CHI-GVA-QWEST", _correlator.Down);
    }

    [Fact]
    public void Observe_BothReceiveEndsDark_DeclaresTheLinkDown()
    {
        Assert.Empty(_correlator.Observe(ChiFromGva, dark: true, "LOS", At));
        var change = Assert.Single(_correlator.Observe(GvaFromChi, dark: true, "power low", At));

        Assert.Equal("CHI-GVA-QWEST", change.Link);
        Assert.True(change.Down);
    }

    [Fact]
    public void Observe_ReceivePortLitAgain_BringsTheLinkUp()
    {
        _correlator.Observe(FromCern, dark: true, "LOS", At);

        var change = Assert.Single(_correlator.Observe(FromCern, dark: false, "light", At));

        Assert.False(change.Down);
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Observe_UnclaimedPortDark_ProvesNothing()
    {
        _claims.Release(FromCern);

        Assert.Empty(_correlator.Observe(FromCern, dark: true, "LOS", At));
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_CutStandingAfterARestart_DeclaresTheLinkDown()
    {
        // The first reads after a restart: the fibre to Chicago is dark at both ends, light still reaches both switches.
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, At, "poll", At));
        var change = Assert.Single(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2" }, At, "login", At));

        Assert.Equal("CHI-GVA-QWEST", change.Link);
    }

    [Fact]
    public void Resync_HostFibreDarkSinceTheRestart_DeclaresNothing()
    {
        // Never seen lit under this claim: the host may simply not be sending.
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10001" }, At, "poll", At));
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_LightpathDarkEverywhere_DeclaresNothing()
    {
        // No end host sends: every receive port of the lightpath reads dark, at every poll. Not a cut.
        for (int poll = 0; poll < 3; poll++)
        {
            var at = At.AddSeconds(poll);
            Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10001", "10005" }, at, "poll", at));
            Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2", "1.1a.4" }, at, "resync", at));
            Assert.Empty(_correlator.Resync("CIT-PXC", new HashSet<string> { "1.1a.1", "1.1a.2" }, at, "resync", at));
        }

        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_CutWithinOnePollOfSetUp_DeclaredOnceTheFarFeedIsReadLitAroundTheDarkRead()
    {
        // The poll during set-up reads the new ports dark (their light not yet through): they are not claimed yet.
        var setUp = At.AddSeconds(10);
        _claims.Release(Lightpath);
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10001", "10005" }, setUp.AddMilliseconds(-50), "poll", setUp));
        _claims.Claim("lp-1", setUp, Lightpath);

        // The fibre to Chicago is cut before the next poll of either switch; both switches are polled here.
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2" }, setUp.AddSeconds(1), "poll", setUp.AddSeconds(1)));
        // GVA-GG's end is dark now, but the Caltech light into the fibre was read only before that (at CHI-PXC, 1 s ago),
        // and cern-fdt's light only from now on: no read yet shows light sent while the other end was dark.
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, setUp.AddSeconds(2), "poll", setUp.AddSeconds(2)));
        var change = Assert.Single(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2" }, setUp.AddSeconds(3), "poll", setUp.AddSeconds(3)));

        Assert.Equal("CHI-GVA-QWEST", change.Link);
        Assert.True(change.Down);
    }

    [Fact]
    public void Observe_EdgeAtOneEndAfterAPolledDarkOther_DeclaresAtOnce()
    {
        // CHI-PXC is a Calient: its loss of light is reported as it happens, which proves light was there.
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, At, "poll", At));

        var change = Assert.Single(_correlator.Observe(ChiFromGva, dark: true, "REPT ALM LOS", At.AddMilliseconds(30)));

        Assert.Equal("CHI-GVA-QWEST", change.Link);
    }

    [Fact]
    public void Resync_HostStartsSendingAfterTheFarEndWasReadDark_DeclaresNothing()
    {
        // Set up with both hosts silent: every port read dark. Then cern-fdt starts sending: GVA-GG reads its host port
        // lit, but CHI-PXC's dark read is from before that light existed.
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2", "1.1a.4" }, At, "poll", At));
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, At.AddSeconds(1), "poll", At.AddSeconds(1)));

        // CHI-PXC's next poll sees the light arrive: nothing was ever cut.
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.4" }, At.AddSeconds(2), "poll", At.AddSeconds(2)));
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_HostStopsSendingOnALightpathLitOneWay_NoTrunkDeclared()
    {
        // caltech-fdt never sends; cern-fdt sends, then stops. The fibre towards Chicago is read dark at CHI-PXC after
        // that, while the last read of cern-fdt's light is older.
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, At, "poll", At));
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2", "1.1a.4" }, At.AddSeconds(2), "poll", At.AddSeconds(2)));
        _correlator.Resync("GVA-GG", new HashSet<string> { "10001", "10005" }, At.AddSeconds(3), "poll", At.AddSeconds(3));

        // The host's own fibre, lit and then dark, cannot be told from a cut of it (as with a Calient's LOS); the trunk
        // towards Chicago is not taken for one.
        Assert.Equal(["CERN-FDT"], _correlator.Down);
    }

    [Fact]
    public void Resync_ReadBeganBeforeTheClaim_ProvesNothing()
    {
        // A poll sent while the lightpath was being made and answered after it became active: stale darkness.
        var setUp = At.AddSeconds(10);
        _claims.Claim("lp-1", setUp, Lightpath);

        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2" }, setUp.AddMilliseconds(-20), "resync", setUp));
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, setUp.AddMilliseconds(-20), "poll", setUp));

        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void Resync_OnlyOneEndSendsAndTheFibreToChicagoIsCut_DeclaresThatFibreOnly()
    {
        // caltech-fdt sends nothing: the Caltech-to-CERN direction is dark everywhere, and after the cut so is everything
        // downstream of it towards Caltech. Only CHI-GVA-QWEST has a dark end whose far switch sends light into it.
        Assert.Empty(_correlator.Resync("CIT-PXC", new HashSet<string> { "1.1a.1", "1.1a.2" }, At, "resync", At));
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2", "1.1a.4" }, At, "resync", At));

        var changes = _correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, At, "poll", At);

        Assert.Equal("CHI-GVA-QWEST", Assert.Single(changes).Link);
        Assert.Equal(["CHI-GVA-QWEST"], _correlator.Down);
    }

    [Fact]
    public void Resync_HostFibreDarkAfterItWasReadLit_DeclaresItDown()
    {
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string>(), At, "poll", At));

        var change = Assert.Single(_correlator.Resync("GVA-GG", new HashSet<string> { "10001" }, At.AddSeconds(1), "poll", At.AddSeconds(1)));

        Assert.Equal("CERN-FDT", change.Link);
    }

    [Fact]
    public void Resync_DarknessUnderAnEarlierClaim_DoesNotCountForTheNextLightpath()
    {
        // lp-1 reads dark at CHI-PXC and is torn down; lp-2 takes the same ports and is lit at GVA-GG.
        Assert.Empty(_correlator.Resync("CHI-PXC", new HashSet<string> { "1.1a.2" }, At, "resync", At));
        _claims.Claim("lp-2", At.AddSeconds(5), Lightpath);

        var later = At.AddSeconds(6);
        Assert.Empty(_correlator.Resync("GVA-GG", new HashSet<string> { "10005" }, later, "poll", later));
        Assert.Empty(_correlator.Down);
    }

    [Fact]
    public void MarkRepaired_LinkDown_BringsItUpAndForgetsItsDarkness()
    {
        _correlator.Observe(FromCern, dark: true, "LOS", At);

        var change = _correlator.MarkRepaired("CERN-FDT", "operator", At);

        Assert.NotNull(change);
        Assert.False(change.Down);
        Assert.Empty(_correlator.Down);
    }
}
