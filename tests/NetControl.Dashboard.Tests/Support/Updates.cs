using NetControl.Controller.Dashboard;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>Small updates for the feed tests.</summary>
internal static class Updates
{
    public static DashboardUpdate Link(string link, string state = "down", double at = 0, params string[] sites) =>
        new(UpdateKinds.LinkState, "link:" + link, at, new LinkStatePayload(link, state, "test", DateTimeOffset.UnixEpoch)) { Links = [link], Sites = [.. sites] };

    public static DashboardUpdate Quality(string link, double rtt, double at = 0) =>
        new(UpdateKinds.Quality, "quality:" + link, at, new QualityPayload(link, DateTimeOffset.UnixEpoch, 10, rtt, 0.5, 0.01, 900, 1000, "up")) { Links = [link] };

    public static DashboardUpdate Event(string text, double at = 0) =>
        new(UpdateKinds.Event, null, at, new EventPayload(DateTimeOffset.UnixEpoch, "info", text));
}
