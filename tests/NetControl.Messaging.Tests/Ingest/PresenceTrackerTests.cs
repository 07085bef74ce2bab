using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Ingest;

public sealed class PresenceTrackerTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void CheckSilence_NothingForTimeout_MarksDownUnderVirtualTime()
    {
        using var tracker = new PresenceTracker(new PresenceTrackerOptions { SilenceTimeout = TimeSpan.FromSeconds(10), CheckInterval = TimeSpan.FromSeconds(1) }, timeProvider: _time);
        var changes = new List<AgentPresence>();
        tracker.Changed += changes.Add;

        tracker.ReportStatus("agent-a", AgentState.Online, AgentStatusMessage.Connected);
        _time.Advance(TimeSpan.FromSeconds(5));
        tracker.Observe("agent-a");
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(tracker.Get("agent-a")!.IsUp);

        _time.Advance(TimeSpan.FromSeconds(1));

        var presence = tracker.Get("agent-a")!;
        Assert.False(presence.IsUp);
        Assert.Equal(PresenceReason.Silent, presence.Reason);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(10), presence.LastSeen);
        Assert.Equal([true, false], changes.Select(c => c.IsUp));
    }

    [Fact]
    public void Observe_AfterSilence_MarksUpAgain()
    {
        using var tracker = new PresenceTracker(new PresenceTrackerOptions { SilenceTimeout = TimeSpan.FromSeconds(3) }, timeProvider: _time);
        tracker.Observe("agent-a");
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(tracker.Get("agent-a")!.IsUp);

        tracker.Observe("agent-a");

        Assert.Equal(PresenceReason.Message, tracker.Get("agent-a")!.Reason);
        Assert.True(tracker.Get("agent-a")!.IsUp);
    }

    [Fact]
    public void ReportStatus_LastWill_MarksDownWithReason()
    {
        using var tracker = new PresenceTracker(timeProvider: _time);
        tracker.ReportStatus("agent-a", AgentState.Online, null);

        tracker.ReportStatus("agent-a", AgentState.Offline, AgentStatusMessage.ConnectionLost);

        Assert.Equal(PresenceReason.LastWill, tracker.Get("agent-a")!.Reason);
        Assert.False(tracker.Get("agent-a")!.IsUp);
    }

    [Fact]
    public void ReportStatus_CleanShutdown_IsOffline()
    {
        using var tracker = new PresenceTracker(timeProvider: _time);

        tracker.ReportStatus("agent-a", AgentState.Offline, AgentStatusMessage.Shutdown);

        Assert.Equal(PresenceReason.Offline, tracker.Get("agent-a")!.Reason);
    }
}
