using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees;

public sealed class TreeHysteresisTests
{
    [Theory]
    [InlineData(100.0, 79.9, true)]
    [InlineData(100.0, 80.0, false)]
    [InlineData(100.0, 95.0, false)]
    [InlineData(100.0, 120.0, false)]
    public void ShouldSwitch_DefaultRatio_SwitchesOnlyBelowEightyPercent(double current, double candidate, bool expected) =>
        Assert.Equal(expected, TreeHysteresis.Default.ShouldSwitch(current, candidate));

    [Theory]
    [InlineData(100.0, 89.9, true)]
    [InlineData(100.0, 90.0, false)]
    [InlineData(1000.0, 985.0, true)]
    [InlineData(1000.0, 990.0, false)]
    public void ShouldSwitch_RatioOrMargin_EitherTestSuffices(double current, double candidate, bool expected)
    {
        // 0.9 x 100 = 90 decides for small trees, 1000 - 15 = 985 for large ones.
        var rule = new TreeHysteresis { Ratio = 0.9, Margin = 10 };

        Assert.Equal(expected, rule.ShouldSwitch(current, candidate));
    }

    [Fact]
    public void ShouldSwitch_MarginOnly_NeedsSavingAboveMargin()
    {
        var rule = new TreeHysteresis { Ratio = null, Margin = 5 };

        Assert.True(rule.ShouldSwitch(100, 94.9));
        Assert.False(rule.ShouldSwitch(100, 95));
    }

    [Fact]
    public void ShouldSwitch_BothTestsOff_AnyStrictlyCheaperCandidate()
    {
        var rule = new TreeHysteresis { Ratio = null, Margin = null };

        Assert.True(rule.ShouldSwitch(100, 99.99));
        Assert.False(rule.ShouldSwitch(100, 100));
    }

    [Fact]
    public void ShouldSwitch_InfiniteCurrentOrCandidate_OnlyFiniteCandidatesQualify()
    {
        Assert.True(TreeHysteresis.Default.ShouldSwitch(double.PositiveInfinity, 1e9));
        Assert.False(TreeHysteresis.Default.ShouldSwitch(100, double.PositiveInfinity));
        Assert.False(TreeHysteresis.Default.ShouldSwitch(100, double.NaN));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Ratio_OutsideZeroToOne_Throws(double ratio) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHysteresis { Ratio = ratio });

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Margin_NegativeOrNotFinite_Throws(double margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHysteresis { Margin = margin });

    [Fact]
    public void Describe_RatioAndMargin_NamesBothThresholds() =>
        Assert.Equal("below 0.8 x 120 = 96 or below 120 - 5 = 115", new TreeHysteresis { Margin = 5 }.Describe(120));
}
