using NetControl.Controller.Dashboard;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Feed;

public sealed class DashboardFilterTests
{
    [Fact]
    public void Matches_NoCriteria_TakesEverything()
    {
        var filter = DashboardFilter.All;

        Assert.True(filter.Matches(Updates.Link("L1")));
        Assert.True(filter.Matches(Updates.Quality("L1", 5)));
        Assert.True(filter.Matches(Updates.Event("x")));
    }

    [Fact]
    public void Matches_KindsListed_TakesOnlyThoseKinds()
    {
        var filter = new DashboardFilter { Kinds = ["quality"] };

        Assert.True(filter.Matches(Updates.Quality("L1", 5)));
        Assert.False(filter.Matches(Updates.Link("L1")));
        Assert.False(filter.Matches(Updates.Event("x")));
    }

    [Fact]
    public void Matches_LinksListed_TakesUpdatesAboutThoseLinksAndUpdatesAboutNoLink()
    {
        var filter = new DashboardFilter { Links = ["L1"] };

        Assert.True(filter.Matches(Updates.Link("L1")));
        Assert.False(filter.Matches(Updates.Link("L2")));
        Assert.True(filter.Matches(Updates.Event("tree moved")));
    }

    [Fact]
    public void Matches_SitesListed_TakesLinksTouchingTheSite()
    {
        var filter = new DashboardFilter { Sites = ["cern"] };

        Assert.True(filter.Matches(Updates.Link("L1", sites: ["cern", "chicago"])));
        Assert.False(filter.Matches(Updates.Link("L2", sites: ["chicago", "amsterdam"])));
    }

    [Fact]
    public void Shape_MetricsListed_NullsTheOtherMetrics()
    {
        var filter = new DashboardFilter { Metrics = ["rtt", "loss"] };

        var shaped = (QualityPayload)filter.Shape(Updates.Quality("L1", 42)).Data;

        Assert.Equal(42, shaped.RttMs);
        Assert.Equal(0.01, shaped.Loss);
        Assert.Null(shaped.JitterMs);
        Assert.Null(shaped.AvailableMbpsLow);
        Assert.Null(shaped.Quality);
    }

    [Fact]
    public void Shape_NotAQualityUpdate_ReturnsItUnchanged()
    {
        var filter = new DashboardFilter { Metrics = ["rtt"] };
        var update = Updates.Link("L1");

        Assert.Same(update, filter.Shape(update));
    }
}
