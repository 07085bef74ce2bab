using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class LinkTelemetryHistoryTests
{
    [Fact]
    public void History_MoreSamplesThanCapacity_KeepsNewestOldestFirst()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { HistoryCapacity = 40 });

        for (int s = 0; s < 105; s++)
        {
            telemetry.TryRecord(Samples.At(s));
        }

        var history = telemetry.History("cern-chi");
        Assert.Equal(40, history.Count);
        for (int i = 0; i < history.Count; i++)
        {
            Assert.Equal(Samples.Start.AddSeconds(65 + i), history[i].IntervalStart);
        }
    }

    [Fact]
    public void History_FewerSamplesThanCapacity_KeepsAll()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { HistoryCapacity = 3600 });

        for (int s = 0; s < 20; s++)
        {
            telemetry.TryRecord(Samples.At(s));
        }

        Assert.Equal(20, telemetry.History("cern-chi").Count);
        Assert.Equal(Samples.Start, telemetry.History("cern-chi")[0].IntervalStart);
    }

    [Fact]
    public void History_Since_ReturnsIntervalsStartingAtOrAfter()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { HistoryCapacity = 10 });
        for (int s = 0; s < 25; s++)
        {
            telemetry.TryRecord(Samples.At(s));
        }

        var recent = telemetry.History("cern-chi", Samples.Start.AddSeconds(20));
        var beforeRetained = telemetry.History("cern-chi", Samples.Start);
        var future = telemetry.History("cern-chi", Samples.Start.AddHours(1));

        Assert.Equal(5, recent.Count);
        Assert.Equal(Samples.Start.AddSeconds(20), recent[0].IntervalStart);
        Assert.Equal(10, beforeRetained.Count);
        Assert.Empty(future);
    }

    [Fact]
    public void History_AllFieldsAndAbsentValues_ReturnedEqual()
    {
        var telemetry = Samples.Telemetry();
        var full = Samples.At(0, loss: 0.07, rtt: 12.5, jitter: 0.25, availableLow: 800, availableHigh: 950) with
        {
            IntervalStart = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.FromHours(1)), // 12:00Z, another offset
            Interval = TimeSpan.FromMilliseconds(500),
        };
        var empty = Samples.At(1, loss: 1, rtt: null, jitter: null, source: "a2");

        telemetry.TryRecord(full);
        telemetry.TryRecord(empty);

        Assert.Equal([full, empty], telemetry.History("cern-chi"));
    }

    [Fact]
    public void History_UnknownLink_IsEmpty()
    {
        Assert.Empty(Samples.Telemetry().History("nowhere"));
        Assert.Null(Samples.Telemetry().Latest("nowhere"));
    }

    [Fact]
    public void Latest_AfterSamples_DescribesLastOne()
    {
        var telemetry = Samples.Telemetry();
        telemetry.TryRecord(Samples.At(0, rtt: 80));
        telemetry.TryRecord(Samples.At(1, loss: 0.01, rtt: 60, jitter: 2, source: "a2", availableLow: 900, availableHigh: 950));

        var latest = telemetry.Latest("cern-chi");

        Assert.Equal(
            new LinkQuality("cern-chi", Samples.Start.AddSeconds(2), 1000.0 / (1 + 60 + 7 + 16), 60, 2, 0.01, 900, 950, LinkCondition.Up, "a2"),
            latest);
    }

    [Fact]
    public void All_SeveralLinks_OrderedByLinkId()
    {
        var telemetry = Samples.Telemetry();
        foreach (string link in new[] { "chi-nyc", "ams-gva", "cern-chi" })
        {
            telemetry.TryRecord(Samples.At(0, link: link));
        }

        var all = telemetry.All();

        Assert.Equal(["ams-gva", "cern-chi", "chi-nyc"], [all[0].LinkId, all[1].LinkId, all[2].LinkId]);
    }
}
