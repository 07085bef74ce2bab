using NetControl.Messaging.Ingest;

namespace NetControl.Messaging.Tests.Ingest;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void Observe_InOrder_AllNewNoMissing()
    {
        var tracker = new SequenceTracker();
        for (long s = 1; s <= 100; s++)
        {
            Assert.Equal(SequenceVerdict.New, tracker.Observe("a", s));
        }

        Assert.Equal(new AgentSequenceStats("a", 1, 100, 100, 0, 0, 0, 0), tracker.Get("a"));
    }

    [Fact]
    public void Observe_GapThenResend_LateFillsGapAndRepeatIsDuplicate()
    {
        var tracker = new SequenceTracker();
        tracker.Observe("a", 1);
        tracker.Observe("a", 5);
        Assert.Equal([2, 3, 4], tracker.MissingOf("a"));

        Assert.Equal(SequenceVerdict.Late, tracker.Observe("a", 3));
        Assert.Equal(SequenceVerdict.Duplicate, tracker.Observe("a", 3));
        Assert.Equal(SequenceVerdict.Duplicate, tracker.Observe("a", 5));

        var stats = tracker.Get("a")!;
        Assert.Equal(2, stats.Missing);
        Assert.Equal(2, stats.Duplicates);
        Assert.Equal(1, stats.Late);
        Assert.Equal(3, stats.Received);
    }

    [Fact]
    public void Observe_HugeGap_BoundedTracking()
    {
        var tracker = new SequenceTracker(maxTrackedMissing: 10);
        tracker.Observe("a", 1);
        tracker.Observe("a", 1_000);

        var stats = tracker.Get("a")!;
        Assert.Equal(10, stats.Missing);
        Assert.Equal(988, stats.Untracked);
    }

    [Fact]
    public void Observe_TwoAgents_Independent()
    {
        var tracker = new SequenceTracker();
        tracker.Observe("a", 1);
        tracker.Observe("b", 1);

        Assert.Equal(SequenceVerdict.New, tracker.Observe("b", 2));
        Assert.Equal(2, tracker.Snapshot().Count);
    }
}
