using NetControl.Core.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Core.Tests.Lightpaths;

public class LightpathLifecycleTableTests
{
    public static TheoryData<LightpathState, LightpathTrigger> EveryPair()
    {
        var data = new TheoryData<LightpathState, LightpathTrigger>();
        foreach (var state in Enum.GetValues<LightpathState>())
        {
            foreach (var trigger in Enum.GetValues<LightpathTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    public static TheoryData<LightpathState> EveryState() => [.. Enum.GetValues<LightpathState>()];

    [Fact]
    public void DocumentedTable_CoversEveryStateAndTrigger_NoneForgotten()
    {
        Assert.Equal(Enum.GetValues<LightpathState>().ToHashSet(), ExpectedLightpathTable.DocumentedStates);
        var usedTriggers = ExpectedLightpathTable.Valid.Keys.Select(k => k.Item2).ToHashSet();
        Assert.Equal(Enum.GetValues<LightpathTrigger>().ToHashSet(), usedTriggers);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void TryGetTarget_EveryPair_MatchesDocumentedTable(LightpathState state, LightpathTrigger trigger)
    {
        var documented = ExpectedLightpathTable.Valid.TryGetValue((state, trigger), out var expected);
        var allowed = LightpathLifecycle.TryGetTarget(state, trigger, out var actual);
        Assert.Equal(documented, allowed);
        if (documented)
        {
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Fire_EveryPair_TransitionsOrThrowsAsDocumented(LightpathState state, LightpathTrigger trigger)
    {
        var clock = new ManualTimeProvider();
        var lifecycle = Reach(state, clock);
        var before = lifecycle.History;
        clock.Advance(TimeSpan.FromSeconds(1));

        if (ExpectedLightpathTable.Valid.TryGetValue((state, trigger), out var expected))
        {
            Assert.True(lifecycle.CanFire(trigger));
            var transition = lifecycle.Fire(trigger, "test");
            Assert.Equal(new LightpathTransition(state, expected, trigger, clock.GetUtcNow(), "test"), transition);
            Assert.Equal(expected, lifecycle.State);
            Assert.Equal(before.Add(transition), lifecycle.History);
        }
        else
        {
            Assert.False(lifecycle.CanFire(trigger));
            var error = Assert.Throws<InvalidLightpathTransitionException>(() => lifecycle.Fire(trigger, "test"));
            Assert.Equal($"lightpath lp-1: cannot {trigger} while {state}", error.Message);
            Assert.Equal((state, trigger, "lp-1"), (error.State, error.Trigger, error.LightpathId));
            Assert.Null(lifecycle.TryFire(trigger, "test"));
            Assert.Equal(state, lifecycle.State);
            Assert.Same(before, lifecycle.History);
        }
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void IsTerminalState_EveryState_TrueOnlyWhenNoTriggerIsValid(LightpathState state)
    {
        var anyValid = ExpectedLightpathTable.Valid.Keys.Any(k => k.Item1 == state);
        Assert.Equal(!anyValid, LightpathLifecycle.IsTerminalState(state));
    }

    internal static LightpathLifecycle Reach(LightpathState state, TimeProvider clock)
    {
        var lifecycle = new LightpathLifecycle("lp-1", clock);
        foreach (var step in ExpectedLightpathTable.PathTo(state))
        {
            lifecycle.Fire(step, $"setup {step}");
        }

        Assert.Equal(state, lifecycle.State);
        return lifecycle;
    }
}
