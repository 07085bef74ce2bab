using NetControl.Core.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Core.Tests.Lightpaths;

public class LightpathLifecycleTests
{
    private readonly ManualTimeProvider _clock = new();

    public static TheoryData<LightpathState, LightpathTrigger> NonTerminalStatesAndReleaseTriggers()
    {
        var data = new TheoryData<LightpathState, LightpathTrigger>();
        LightpathState[] states =
        [
            LightpathState.Requested, LightpathState.Scheduled, LightpathState.Provisioning,
            LightpathState.Active, LightpathState.Restoring, LightpathState.Failed,
        ];
        foreach (var state in states)
        {
            foreach (var trigger in new[] { LightpathTrigger.ReleaseRequested, LightpathTrigger.EndTimeReached, LightpathTrigger.LeaseExpired })
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void Constructor_New_RequestedWithEmptyHistoryAndCreationTime()
    {
        var lifecycle = new LightpathLifecycle("lp-9", _clock);
        Assert.Equal("lp-9", lifecycle.Id);
        Assert.Equal(LightpathState.Requested, lifecycle.State);
        Assert.Empty(lifecycle.History);
        Assert.Equal(_clock.GetUtcNow(), lifecycle.CreatedAt);
        Assert.False(lifecycle.IsTerminal);
    }

    [Fact]
    public void Constructor_BlankIdOrNullClock_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new LightpathLifecycle(" ", _clock));
        Assert.Throws<ArgumentNullException>(() => new LightpathLifecycle("lp-1", null!));
    }

    [Fact]
    public void Fire_BlankCause_ThrowsAndChangesNothing()
    {
        var lifecycle = new LightpathLifecycle("lp-1", _clock);
        Assert.ThrowsAny<ArgumentException>(() => lifecycle.Fire(LightpathTrigger.Admitted, ""));
        Assert.ThrowsAny<ArgumentException>(() => lifecycle.TryFire(LightpathTrigger.Admitted, " "));
        Assert.Equal(LightpathState.Requested, lifecycle.State);
        Assert.Empty(lifecycle.History);
    }

    [Fact]
    public void Fire_ImmediateHappyPath_ReachesReleasedWithFullHistory()
    {
        var lifecycle = new LightpathLifecycle("lp-1", _clock);
        var t0 = _clock.GetUtcNow();

        lifecycle.Fire(LightpathTrigger.Admitted, "ports allocated on path ams-gva");
        _clock.Advance(TimeSpan.FromMilliseconds(35));
        lifecycle.Fire(LightpathTrigger.ProvisioningSucceeded, "3 cross-connects verified");
        _clock.Advance(TimeSpan.FromMinutes(10));
        lifecycle.Fire(LightpathTrigger.ReleaseRequested, "released by fdt");
        _clock.Advance(TimeSpan.FromMilliseconds(40));
        lifecycle.Fire(LightpathTrigger.ReleaseCompleted, "3 cross-connects removed");

        Assert.Equal(LightpathState.Released, lifecycle.State);
        Assert.True(lifecycle.IsTerminal);
        Assert.Equal(
            [
                new(LightpathState.Requested, LightpathState.Provisioning, LightpathTrigger.Admitted, t0, "ports allocated on path ams-gva"),
                new(LightpathState.Provisioning, LightpathState.Active, LightpathTrigger.ProvisioningSucceeded, t0.AddMilliseconds(35), "3 cross-connects verified"),
                new(LightpathState.Active, LightpathState.Releasing, LightpathTrigger.ReleaseRequested, t0.AddMilliseconds(35).AddMinutes(10), "released by fdt"),
                new LightpathTransition(LightpathState.Releasing, LightpathState.Released, LightpathTrigger.ReleaseCompleted, t0.AddMilliseconds(75).AddMinutes(10), "3 cross-connects removed"),
            ],
            lifecycle.History);
    }

    [Fact]
    public void Fire_ScheduledHappyPath_ProvisionsAtStartAndReleasesAtEnd()
    {
        var lifecycle = new LightpathLifecycle("lp-2", _clock);
        lifecycle.Fire(LightpathTrigger.AdmittedForLater, "calendar holds 14:00-15:00");
        Assert.Equal(LightpathState.Scheduled, lifecycle.State);
        _clock.Advance(TimeSpan.FromHours(2));
        lifecycle.Fire(LightpathTrigger.StartTimeReached, "window start");
        lifecycle.Fire(LightpathTrigger.ProvisioningSucceeded, "verified");
        _clock.Advance(TimeSpan.FromHours(1));
        lifecycle.Fire(LightpathTrigger.EndTimeReached, "window end");
        lifecycle.Fire(LightpathTrigger.ReleaseCompleted, "removed");

        Assert.Equal(
            [
                LightpathTrigger.AdmittedForLater, LightpathTrigger.StartTimeReached, LightpathTrigger.ProvisioningSucceeded,
                LightpathTrigger.EndTimeReached, LightpathTrigger.ReleaseCompleted,
            ],
            lifecycle.History.Select(t => t.Trigger));
        Assert.Equal(LightpathState.Released, lifecycle.State);
        Assert.Equal(lifecycle.CreatedAt.AddHours(2), lifecycle.History[1].At);
        Assert.Equal(lifecycle.CreatedAt.AddHours(3), lifecycle.History[3].At);
    }

    [Fact]
    public void Fire_RestorationCycle_ActiveAgainAfterEachCut()
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Active, _clock);
        for (var cut = 0; cut < 3; cut++)
        {
            lifecycle.Fire(LightpathTrigger.LinkFailed, $"fibre cut {cut}");
            Assert.Equal(LightpathState.Restoring, lifecycle.State);
            lifecycle.Fire(LightpathTrigger.RestorationSucceeded, $"rerouted around cut {cut}");
            Assert.Equal(LightpathState.Active, lifecycle.State);
        }

        Assert.Equal(2 + 6, lifecycle.History.Count);
    }

    [Fact]
    public void Fire_SecondCutWhileRestoring_StaysRestoringAndIsRecorded()
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Restoring, _clock);
        var transition = lifecycle.Fire(LightpathTrigger.LinkFailed, "second cut on chi-nyc");
        Assert.Equal((LightpathState.Restoring, LightpathState.Restoring), (transition.From, transition.To));
        lifecycle.Fire(LightpathTrigger.RestorationFailed, "no path avoids both SRLGs");
        Assert.Equal(LightpathState.Failed, lifecycle.State);
        Assert.False(lifecycle.IsTerminal);
    }

    [Fact]
    public void Fire_FailedAfterProvisioning_OnlyReleaseLeadsOut()
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Provisioning, _clock);
        lifecycle.Fire(LightpathTrigger.ProvisioningFailed, "gva-sw1 refused: SRAC; rolled back");
        Assert.Throws<InvalidLightpathTransitionException>(() => lifecycle.Fire(LightpathTrigger.Admitted, "retry"));
        lifecycle.Fire(LightpathTrigger.ReleaseRequested, "cleanup");
        lifecycle.Fire(LightpathTrigger.ReleaseCompleted, "nothing left on devices");
        Assert.Equal(LightpathState.Released, lifecycle.State);
    }

    [Theory]
    [MemberData(nameof(NonTerminalStatesAndReleaseTriggers))]
    public void Fire_ReleaseFromNonTerminalState_ReleasingThenReleased(LightpathState state, LightpathTrigger release)
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(state, _clock);
        Assert.Equal(LightpathState.Releasing, lifecycle.Fire(release, "release").To);
        Assert.Equal(LightpathState.Released, lifecycle.Fire(LightpathTrigger.ReleaseCompleted, "done").To);
        Assert.True(lifecycle.IsTerminal);
        Assert.All(Enum.GetValues<LightpathTrigger>(), t => Assert.False(lifecycle.CanFire(t)));
    }

    [Fact]
    public void Fire_Releasing_SecondReleaseIsInvalid()
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Releasing, _clock);
        var error = Assert.Throws<InvalidLightpathTransitionException>(() => lifecycle.Fire(LightpathTrigger.LeaseExpired, "lease"));
        Assert.Equal("lightpath lp-1: cannot LeaseExpired while Releasing", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void History_SnapshotTaken_UnchangedByLaterFires()
    {
        var lifecycle = new LightpathLifecycle("lp-1", _clock);
        lifecycle.Fire(LightpathTrigger.Admitted, "admitted");
        var snapshot = lifecycle.History;
        _clock.Advance(TimeSpan.FromSeconds(3));
        lifecycle.Fire(LightpathTrigger.ProvisioningSucceeded, "verified");
        Assert.Single(snapshot);
        Assert.Equal(2, lifecycle.History.Count);
        Assert.True(lifecycle.History[1].At - lifecycle.History[0].At == TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Restore_RecordedHistory_SameStateAndHistoryAndKeepsGoing()
    {
        var original = LightpathLifecycleTableTests.Reach(LightpathState.Restoring, _clock);
        var restored = LightpathLifecycle.Restore("lp-1", original.CreatedAt, original.History, _clock);
        Assert.Equal(original.State, restored.State);
        Assert.Equal(original.History, restored.History);
        Assert.Equal(original.CreatedAt, restored.CreatedAt);
        Assert.Equal(LightpathState.Active, restored.Fire(LightpathTrigger.RestorationSucceeded, "rerouted").To);
    }

    [Fact]
    public void Restore_BrokenChain_ThrowsNamingWhereItBroke()
    {
        var at = _clock.GetUtcNow();
        LightpathTransition[] broken =
        [
            new(LightpathState.Requested, LightpathState.Provisioning, LightpathTrigger.Admitted, at, "admitted"),
            new(LightpathState.Active, LightpathState.Restoring, LightpathTrigger.LinkFailed, at, "cut"),
        ];
        var error = Assert.Throws<InvalidLightpathTransitionException>(() => LightpathLifecycle.Restore("lp-5", at, broken, _clock));
        Assert.Equal("lightpath lp-5: cannot LinkFailed while Provisioning", error.Message);
    }

    [Fact]
    public void Restore_TransitionNotInTable_Throws()
    {
        var at = _clock.GetUtcNow();
        LightpathTransition[] forged = [new(LightpathState.Requested, LightpathState.Active, LightpathTrigger.Admitted, at, "forged")];
        Assert.Throws<InvalidLightpathTransitionException>(() => LightpathLifecycle.Restore("lp-6", at, forged, _clock));
    }

    [Fact]
    public void TryFire_ConcurrentCompetingTriggers_ExactlyOneWins()
    {
        for (var round = 0; round < 50; round++)
        {
            var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Restoring, _clock);
            LightpathTrigger[] competing = [.. Enumerable.Repeat(new[] { LightpathTrigger.RestorationSucceeded, LightpathTrigger.RestorationFailed }, 4).SelectMany(x => x)];
            var results = new LightpathTransition?[competing.Length];
            Parallel.For(0, competing.Length, i => results[i] = lifecycle.TryFire(competing[i], "race"));

            Assert.Single(results, r => r is not null);
            Assert.Equal(4, lifecycle.History.Count);
            Assert.Equal(lifecycle.History[^1].To, lifecycle.State);
        }
    }

    [Fact]
    public void Fire_ConcurrentSelfTransitions_NoneLost()
    {
        var lifecycle = LightpathLifecycleTableTests.Reach(LightpathState.Restoring, _clock);
        Parallel.For(0, 1000, i => lifecycle.Fire(LightpathTrigger.LinkFailed, $"cut {i}"));
        Assert.Equal(3 + 1000, lifecycle.History.Count);
        Assert.Equal(1000, lifecycle.History.Select(t => t.Cause).Distinct().Count() - 3);
    }
}
