using NetControl.Core.LinkState;
using NetControl.Core.Tests.Topology;
using NetControl.Core.Topology;

namespace NetControl.Core.Tests.LinkState;

public class LinkStateOverlayTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly NetworkTopology _t = Sample.Topology();

    [Fact]
    public void For_NewOverlay_EveryLinkInitialAtVersionZero()
    {
        var overlay = LinkStateOverlay.For(_t);
        Assert.Equal(0, overlay.Version);
        Assert.Same(_t, overlay.Topology);
        Assert.Empty(overlay.Reported);
        Assert.All(_t.Links, l => Assert.Same(LinkStatus.Initial, overlay.Get(l.Id)));
        Assert.Equal(new LinkStatus(LinkCondition.Up, "initial", DateTimeOffset.UnixEpoch), LinkStatus.Initial);
    }

    [Fact]
    public void With_Change_ReturnsNewVersionAndLeavesTheOldOne()
    {
        var before = LinkStateOverlay.For(_t);
        var after = before.With("nyc-chi", LinkCondition.Down, "loss of light", T0);
        Assert.Equal(1, after.Version);
        Assert.Equal(new LinkStatus(LinkCondition.Down, "loss of light", T0), after.Get("nyc-chi"));
        Assert.Same(LinkStatus.Initial, before.Get("nyc-chi"));
        Assert.Equal(new[] { "nyc-chi" }, after.Reported.Keys);
    }

    [Fact]
    public void With_SameConditionAndCause_KeepsTheOverlayAndItsTime()
    {
        var down = LinkStateOverlay.For(_t).With("nyc-chi", LinkCondition.Down, "cut", T0);
        Assert.Same(down, down.With("nyc-chi", LinkCondition.Down, "cut", T0.AddMinutes(5)));
        var recaused = down.With("nyc-chi", LinkCondition.Down, "still cut", T0.AddMinutes(5));
        Assert.Equal(2, recaused.Version);
        Assert.Equal(T0.AddMinutes(5), recaused.Get("nyc-chi").Since);
    }

    [Fact]
    public void With_UnknownLinkOrEmptyCause_Throws()
    {
        var overlay = LinkStateOverlay.For(_t);
        Assert.Equal("unknown link 'x' in topology 'sample'", Assert.Throws<TopologyException>(() => overlay.With("x", LinkCondition.Down, "cut", T0)).Message);
        Assert.Throws<TopologyException>(() => overlay.Get("x"));
        Assert.Throws<ArgumentException>(() => overlay.With("nyc-chi", LinkCondition.Down, " ", T0));
    }

    [Fact]
    public void IsUsable_NeedsAdminUpAndNotDown()
    {
        var overlay = LinkStateOverlay.For(_t)
            .With("nyc-chi", LinkCondition.Degraded, "loss 2%", T0)
            .With("gva-nyc", LinkCondition.Down, "cut", T0);
        Assert.True(overlay.IsUsable(_t.GetLink("gg-nyc")));
        Assert.True(overlay.IsUsable(_t.GetLink("nyc-chi")));
        Assert.False(overlay.IsUsable(_t.GetLink("gva-nyc")));
        Assert.False(overlay.IsUsable(_t.GetLink("ams-gg")));
        Assert.False(LinkStatus.Initial with { Condition = LinkCondition.Down } is { IsUsable: true });
    }

    [Fact]
    public void WithSrlg_SetsEveryLinkOfTheGroup()
    {
        var overlay = LinkStateOverlay.For(_t).WithSrlg("atlantic", LinkCondition.Down, "cable cut", T0);
        Assert.Equal(2, overlay.Version);
        Assert.Equal(new[] { "chi-ams", "gg-nyc" }, overlay.Reported.Keys.Order(StringComparer.Ordinal));
        Assert.All(overlay.Reported.Values, s => Assert.Equal(new LinkStatus(LinkCondition.Down, "cable cut", T0), s));
        Assert.Same(overlay, overlay.WithSrlg("atlantic", LinkCondition.Down, "cable cut", T0.AddHours(1)));
    }

    [Fact]
    public void WithSrlg_UnknownGroup_Throws()
    {
        Assert.Equal("unknown SRLG 'pacific' in topology 'sample'", Assert.Throws<TopologyException>(() => LinkStateOverlay.For(_t).WithSrlg("pacific", LinkCondition.Down, "cut", T0)).Message);
    }
}
