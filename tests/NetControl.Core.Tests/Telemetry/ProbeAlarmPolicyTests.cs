using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class ProbeAlarmPolicyTests
{
    [Fact]
    public void TryRecord_LossAboveThresholdForThreeIntervals_MarksDegradedWithCause()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 0.04, 0.04);
        Assert.Empty(changes);
        Feed(telemetry, 0.04);

        var change = Assert.Single(changes);
        Assert.Equal(LinkCondition.Up, change.Previous);
        Assert.Equal(LinkCondition.Degraded, change.Current);
        Assert.Equal("loss 4.0% > 2.0% for 3 intervals (agent a1)", change.Cause);
        Assert.Equal(Samples.Start.AddSeconds(3), change.At); // end of the third interval
        Assert.Equal(LinkCondition.Degraded, telemetry.Latest("cern-chi")!.Condition);
    }

    [Fact]
    public void TryRecord_LossAtThreshold_IsClean()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 0.02, 0.02, 0.02, 0.02);

        Assert.Empty(changes);
    }

    [Fact]
    public void TryRecord_HeavyLossForTwoIntervals_MarksDownDirectly()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 0.95, 1.0);

        var change = Assert.Single(changes);
        Assert.Equal((LinkCondition.Up, LinkCondition.Down), (change.Previous, change.Current));
        Assert.Equal("loss 100.0% >= 90.0% for 2 intervals (agent a1)", change.Cause);
    }

    [Fact]
    public void TryRecord_DegradedThenHeavyLoss_GoesDown()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 0.05, 0.05, 0.05, 0.95, 0.95);

        Assert.Equal([LinkCondition.Degraded, LinkCondition.Down], Currents(changes));
    }

    [Fact]
    public void TryRecord_CleanIntervalsAfterDegraded_ClearsAfterThree()
    {
        var (telemetry, changes) = Track();
        Feed(telemetry, 0.05, 0.05, 0.05);

        Feed(telemetry, 0, 0);
        Assert.Single(changes);
        Feed(telemetry, 0);

        Assert.Equal([LinkCondition.Degraded, LinkCondition.Up], Currents(changes));
        Assert.Equal("loss 0.0% <= 2.0% for 3 intervals (agent a1)", changes[^1].Cause);
    }

    [Fact]
    public void TryRecord_CleanAfterDown_ReturnsUp()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 1, 1, 0, 0, 0);

        Assert.Equal([LinkCondition.Down, LinkCondition.Up], Currents(changes));
    }

    [Fact]
    public void TryRecord_ModerateLossAfterDown_ReturnsDegradedNotUp()
    {
        var (telemetry, changes) = Track();

        Feed(telemetry, 1, 1, 0.05, 0, 0.05);

        Assert.Equal([LinkCondition.Down, LinkCondition.Degraded], Currents(changes));
        Assert.Equal("loss 5.0% < 90.0% for 3 intervals (agent a1)", changes[^1].Cause);
    }

    [Fact]
    public void TryRecord_FlappingLoss_DoesNotFlapCondition()
    {
        var (telemetry, changes) = Track();

        // Two bad, one clean, repeated: never three bad in a row.
        for (int i = 0; i < 10; i++)
        {
            Feed(telemetry, 0.1, 0.1, 0);
        }

        Assert.Empty(changes);

        // Once degraded, two clean and one bad repeated never clears it.
        Feed(telemetry, 0.1, 0.1, 0.1);
        for (int i = 0; i < 10; i++)
        {
            Feed(telemetry, 0, 0, 0.1);
        }

        Assert.Equal([LinkCondition.Degraded], Currents(changes));
    }

    [Fact]
    public void TryRecord_FlappingHeavyLossWhileDown_StaysDown()
    {
        var (telemetry, changes) = Track();
        Feed(telemetry, 1, 1);

        for (int i = 0; i < 10; i++)
        {
            Feed(telemetry, 0, 0, 1);
        }

        Assert.Equal([LinkCondition.Down], Currents(changes));
    }

    [Fact]
    public void TryRecord_RttAboveFactorOfBest_MarksDegraded()
    {
        var policy = new ProbeAlarmPolicy { RttDegradedFactor = 2 };
        var (telemetry, changes) = Track(policy);
        telemetry.TryRecord(Samples.At(0, rtt: 20));

        for (int s = 1; s <= 3; s++)
        {
            telemetry.TryRecord(Samples.At(s, rtt: 45));
        }

        var change = Assert.Single(changes);
        Assert.Equal(LinkCondition.Degraded, change.Current);
        Assert.Equal("rtt 45.0 ms > 2.0 x best 20.0 ms for 3 intervals (agent a1)", change.Cause);
    }

    [Fact]
    public void TryRecord_RttBelowFactorOrFactorOff_StaysUp()
    {
        var (withFactor, changesWithFactor) = Track(new ProbeAlarmPolicy { RttDegradedFactor = 2 });
        var (withoutFactor, changesWithout) = Track();

        foreach (var telemetry in new[] { withFactor, withoutFactor })
        {
            telemetry.TryRecord(Samples.At(0, rtt: 20));
            for (int s = 1; s <= 5; s++)
            {
                telemetry.TryRecord(Samples.At(s, rtt: telemetry == withFactor ? 39 : 400));
            }
        }

        Assert.Empty(changesWithFactor);
        Assert.Empty(changesWithout);
    }

    [Fact]
    public void TryRecord_CustomCounts_AreHonoured()
    {
        var policy = new ProbeAlarmPolicy { DegradedLossRatio = 0.1, DegradedIntervals = 1, DownIntervals = 4, ClearIntervals = 1 };
        var (telemetry, changes) = Track(policy);

        Feed(telemetry, 0.2, 0, 1, 1, 1, 1);

        Assert.Equal([LinkCondition.Degraded, LinkCondition.Up, LinkCondition.Degraded, LinkCondition.Down], Currents(changes));
    }

    private static (LinkTelemetry Telemetry, List<LinkConditionChange> Changes) Track(ProbeAlarmPolicy? policy = null)
    {
        var telemetry = Samples.Telemetry(new LinkTelemetryOptions { Alarms = policy ?? new ProbeAlarmPolicy() });
        var changes = new List<LinkConditionChange>();
        telemetry.ConditionChanged += changes.Add;
        return (telemetry, changes);
    }

    private static void Feed(LinkTelemetry telemetry, params double[] losses)
    {
        int next = telemetry.History("cern-chi").Count;
        foreach (double loss in losses)
        {
            Assert.True(telemetry.TryRecord(Samples.At(next++, loss: loss, rtt: loss >= 1 ? null : 50)));
        }
    }

    private static LinkCondition[] Currents(List<LinkConditionChange> changes)
    {
        var result = new LinkCondition[changes.Count];
        for (int i = 0; i < changes.Count; i++)
        {
            result[i] = changes[i].Current;
        }

        return result;
    }
}
