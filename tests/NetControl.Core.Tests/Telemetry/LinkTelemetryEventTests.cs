using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class LinkTelemetryEventTests
{
    [Fact]
    public void QualityChanged_FirstSample_RaisedWithNoPrevious()
    {
        var (telemetry, events) = Track();

        telemetry.TryRecord(Samples.At(0));

        var change = Assert.IsType<LinkQualityChange>(Assert.Single(events));
        Assert.Null(change.Previous);
        Assert.Same(telemetry.Latest("cern-chi"), change.Current);
    }

    [Fact]
    public void QualityChanged_MoveWithinThreshold_NotRaised()
    {
        var (telemetry, events) = Track();
        telemetry.TryRecord(Samples.At(0, rtt: 50, jitter: 0)); // 1000/51

        telemetry.TryRecord(Samples.At(1, rtt: 52, jitter: 0)); // 1000/53: -3.8 %

        Assert.Single(events);
    }

    [Fact]
    public void QualityChanged_DriftAccumulatingPastThreshold_RaisedAgainstLastReported()
    {
        var (telemetry, events) = Track();
        telemetry.TryRecord(Samples.At(0, rtt: 50, jitter: 0)); // 19.61 reported

        telemetry.TryRecord(Samples.At(1, rtt: 52, jitter: 0)); // 18.87: -3.8 % of reported
        telemetry.TryRecord(Samples.At(2, rtt: 54, jitter: 0)); // 18.18: -7.3 % of reported

        Assert.Equal(2, events.Count);
        var change = Assert.IsType<LinkQualityChange>(events[1]);
        Assert.Equal(1000.0 / 51, change.Previous!.Quality, 12);
        Assert.Equal(1000.0 / 55, change.Current.Quality, 12);
    }

    [Fact]
    public void QualityChanged_CustomThreshold_Honoured()
    {
        var (telemetry, events) = Track(new LinkTelemetryOptions { QualityChangeThreshold = 0.5 });
        telemetry.TryRecord(Samples.At(0, rtt: 50, jitter: 0));

        telemetry.TryRecord(Samples.At(1, rtt: 90, jitter: 0));  // -44 %
        telemetry.TryRecord(Samples.At(2, rtt: 110, jitter: 0)); // -54 %

        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Events_ConditionChange_RaisedBeforeItsQualityChange()
    {
        var (telemetry, events) = Track(new LinkTelemetryOptions { QualityChangeThreshold = 1000 });

        for (int s = 0; s < 3; s++)
        {
            telemetry.TryRecord(Samples.At(s, loss: 0.05));
        }

        Assert.Equal(3, events.Count);
        Assert.IsType<LinkQualityChange>(events[0]); // first sample
        var condition = Assert.IsType<LinkConditionChange>(events[1]);
        var quality = Assert.IsType<LinkQualityChange>(events[2]);
        Assert.Equal(LinkCondition.Degraded, condition.Current);
        Assert.Equal(LinkCondition.Up, quality.Previous!.Condition);
        Assert.Equal(LinkCondition.Degraded, quality.Current.Condition);
    }

    [Fact]
    public void Events_RaisedOutsideTheLinkLock_HandlerMayReadAndRecord()
    {
        var telemetry = Samples.Telemetry();
        var seen = new List<LinkQuality?>();
        telemetry.QualityChanged += change =>
        {
            seen.Add(telemetry.Latest(change.Current.LinkId));
            if (change.Current.LinkId == "cern-chi")
            {
                telemetry.TryRecord(Samples.At(0, link: "chi-nyc")); // re-entrant record on another link
            }
        };

        telemetry.TryRecord(Samples.At(0));

        Assert.Equal(2, seen.Count);
        Assert.Equal(2, telemetry.All().Count);
    }

    [Fact]
    public void Events_HandlerThrows_ExceptionPropagatesAndLaterEventsStillFlow()
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { QualityChangeThreshold = 0 });
        int calls = 0;
        telemetry.QualityChanged += _ =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("subscriber bug");
            }
        };

        Assert.Throws<InvalidOperationException>(() => telemetry.TryRecord(Samples.At(0)));
        telemetry.TryRecord(Samples.At(1, rtt: 70));

        Assert.Equal(2, calls);
        Assert.Equal(2, telemetry.Counters.Accepted);
    }

    private static (LinkTelemetry Telemetry, List<object> Events) Track(LinkTelemetryOptions? options = null)
    {
        var telemetry = Samples.Telemetry(options);
        var events = new List<object>();
        telemetry.ConditionChanged += events.Add;
        telemetry.QualityChanged += events.Add;
        return (telemetry, events);
    }
}
