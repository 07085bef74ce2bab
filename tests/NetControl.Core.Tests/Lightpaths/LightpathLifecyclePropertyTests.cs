using NetControl.Core.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Core.Tests.Lightpaths;

public class LightpathLifecyclePropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(20261123)]
    public void Fire_RandomTriggerSequences_FollowDocumentedTableAndKeepHistoryConsistent(int seed)
    {
        var random = new Random(seed);
        var triggers = Enum.GetValues<LightpathTrigger>();
        for (var run = 0; run < 200; run++)
        {
            var clock = new ManualTimeProvider();
            var lifecycle = new LightpathLifecycle($"lp-{run}", clock);
            var expectedState = LightpathState.Requested;
            var fired = 0;

            for (var step = 0; step < 40; step++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 1000)));
                var trigger = triggers[random.Next(triggers.Length)];
                if (ExpectedLightpathTable.Valid.TryGetValue((expectedState, trigger), out var next))
                {
                    var transition = lifecycle.Fire(trigger, $"step {step}");
                    Assert.Equal((expectedState, next, clock.GetUtcNow()), (transition.From, transition.To, transition.At));
                    expectedState = next;
                    fired++;
                }
                else
                {
                    Assert.Throws<InvalidLightpathTransitionException>(() => lifecycle.Fire(trigger, $"step {step}"));
                }

                Assert.Equal(expectedState, lifecycle.State);
                Assert.Contains(lifecycle.State, ExpectedLightpathTable.DocumentedStates);
            }

            var history = lifecycle.History;
            Assert.Equal(fired, history.Count);
            var previous = LightpathState.Requested;
            var previousAt = lifecycle.CreatedAt;
            foreach (var transition in history)
            {
                Assert.Equal(previous, transition.From);
                Assert.True(ExpectedLightpathTable.Valid.TryGetValue((transition.From, transition.Trigger), out var to));
                Assert.Equal(to, transition.To);
                Assert.True(transition.At >= previousAt);
                previous = transition.To;
                previousAt = transition.At;
            }

            Assert.Equal(previous, lifecycle.State);
        }
    }
}
