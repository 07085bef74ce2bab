using NetControl.Orchestration.Lightpaths;

namespace NetControl.Persistence.Tests.Support;

/// <summary>
/// Deep equality of lightpath records: records compare their ImmutableArray/ImmutableList members by reference, so
/// collections are compared element by element here.
/// </summary>
internal static class RecordAssert
{
    public static void Equal(LightpathRecord expected, LightpathRecord actual)
    {
        Assert.Equal(Normalize(expected), Normalize(actual));
        Assert.Equal(expected.CreatedAt.Offset, actual.CreatedAt.Offset);
        RequestEqual(expected.Request, actual.Request);
        Assert.True(expected.History.SequenceEqual(actual.History), "history differs");
        Assert.True(expected.PendingRemovals.SequenceEqual(actual.PendingRemovals), "pending removals differ");
        RouteEqual(expected.Working, actual.Working);
        RouteEqual(expected.ProtectionLeg, actual.ProtectionLeg);
        RouteEqual(expected.Home, actual.Home);
    }

    private static LightpathRecord Normalize(LightpathRecord r) => r with
    {
        Request = r.Request with { Exclude = [], Via = [] },
        History = [],
        PendingRemovals = [],
        Working = null,
        ProtectionLeg = null,
        Home = null,
    };

    private static void RequestEqual(LightpathRequest expected, LightpathRequest actual)
    {
        Assert.True(expected.Exclude.SequenceEqual(actual.Exclude), "exclude differs");
        Assert.True(expected.Via.SequenceEqual(actual.Via), "via differs");
    }

    private static void RouteEqual(CircuitRoute? expected, CircuitRoute? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.True(expected.Nodes.SequenceEqual(actual.Nodes), "nodes differ");
        Assert.True(expected.Links.SequenceEqual(actual.Links), "links differ");
        Assert.True(expected.Steps.SequenceEqual(actual.Steps), "steps differ");
        Assert.True(expected.Ports.SequenceEqual(actual.Ports), "ports differ");
        Assert.Equal(expected.LatencyMs, actual.LatencyMs);
        Assert.Equal(expected.LengthKm, actual.LengthKm);
    }
}
