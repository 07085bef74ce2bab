using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class TrendAnalyzerTests
{
    [Fact]
    public void Analyze_LinearRamp_Increasing()
    {
        double[] delays = Enumerable.Range(0, 100).Select(i => i * 10e-6).ToArray();

        var trend = TrendAnalyzer.Analyze(delays, 100);

        Assert.Equal(TrendVerdict.Increasing, trend.Verdict);
        Assert.Equal(1.0, trend.Pct);
        Assert.Equal(1.0, trend.Pdt, 9);
        Assert.Equal(10, trend.Groups);
    }

    [Fact]
    public void Analyze_Flat_NonIncreasing()
    {
        double[] delays = Enumerable.Repeat(0.0123, 100).ToArray();

        var trend = TrendAnalyzer.Analyze(delays, 100);

        Assert.Equal(TrendVerdict.NonIncreasing, trend.Verdict);
        Assert.Equal(0.0, trend.Pct);
        Assert.Equal(0.0, trend.Pdt);
    }

    [Fact]
    public void Analyze_ConstantClockOffset_SameVerdictAndMetrics()
    {
        var random = new Random(7);
        double[] delays = Enumerable.Range(0, 100).Select(i => (i * 2e-6) + (random.NextDouble() * 50e-6)).ToArray();
        double[] shifted = delays.Select(d => d + 3600.0).ToArray();

        var a = TrendAnalyzer.Analyze(delays, 100);
        var b = TrendAnalyzer.Analyze(shifted, 100);

        Assert.Equal(a.Verdict, b.Verdict);
        Assert.Equal(a.Pct, b.Pct);
        Assert.Equal(a.Pdt, b.Pdt, 6);
    }

    [Fact]
    public void Analyze_WhiteNoiseManySeeds_AlmostNeverIncreasing()
    {
        int increasing = 0, nonIncreasing = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            double[] delays = Enumerable.Range(0, 100).Select(_ => random.NextDouble() * 100e-6).ToArray();
            switch (TrendAnalyzer.Analyze(delays, 100).Verdict)
            {
                case TrendVerdict.Increasing: increasing++; break;
                case TrendVerdict.NonIncreasing: nonIncreasing++; break;
            }
        }

        Assert.True(increasing <= 4, $"{increasing} of 200 noise series judged increasing");
        Assert.True(nonIncreasing >= 140, $"only {nonIncreasing} of 200 noise series judged non-increasing");
    }

    [Fact]
    public void Analyze_RampUnderNoise_IncreasingNearlyAlways()
    {
        // A 200 us rise over the stream under +-50 us uniform noise (a 20 us step between group medians
        // against roughly 15 us of median noise): the medians recover the trend in nearly every stream,
        // and never call it non-increasing.
        int increasing = 0;
        for (int seed = 0; seed < 100; seed++)
        {
            var random = new Random(seed);
            double[] delays = Enumerable.Range(0, 100).Select(i => (i * 2e-6) + (((random.NextDouble() * 2) - 1) * 50e-6)).ToArray();
            var verdict = TrendAnalyzer.Analyze(delays, 100).Verdict;

            Assert.NotEqual(TrendVerdict.NonIncreasing, verdict);
            increasing += verdict == TrendVerdict.Increasing ? 1 : 0;
        }

        Assert.True(increasing >= 90, $"only {increasing} of 100 noisy ramps judged increasing");
    }

    [Fact]
    public void Analyze_FlatWithReceiverStalls_NonIncreasing()
    {
        // A descheduled receiver stamps a few packets late; the group medians ignore them.
        double[] delays = Enumerable.Repeat(1e-3, 100).ToArray();
        foreach (int i in new[] { 13, 47, 48, 88, 97 })
        {
            delays[i] += 2e-3;
        }

        Assert.Equal(TrendVerdict.NonIncreasing, TrendAnalyzer.Analyze(delays, 100).Verdict);
    }

    [Fact]
    public void Analyze_HeavyLoss_IncreasingWhateverTheDelays()
    {
        double[] delays = Enumerable.Repeat(1e-3, 80).ToArray();

        var trend = TrendAnalyzer.Analyze(delays, 100);

        Assert.Equal(TrendVerdict.Increasing, trend.Verdict);
        Assert.Equal(0.2, trend.LossFraction, 9);
    }

    [Fact]
    public void Analyze_TooFewPackets_Ambiguous()
    {
        Assert.Equal(TrendVerdict.Ambiguous, TrendAnalyzer.Analyze([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0], 9).Verdict);
    }

    [Fact]
    public void Analyze_PctAndPdtConflict_Ambiguous()
    {
        // Medians step up 8 times by 1 and down once by 10: PCT = 8/9 says increasing, PDT = -2/18 says not.
        double[] medians = [0, 1, 2, 3, 4, 5, 6, 7, 8, -2];
        double[] delays = medians.SelectMany(m => Enumerable.Repeat(m, 10)).ToArray();

        var trend = TrendAnalyzer.Analyze(delays, 100);

        Assert.True(trend.Pct > 0.66);
        Assert.True(trend.Pdt < 0.45);
        Assert.Equal(TrendVerdict.Ambiguous, trend.Verdict);
    }

    [Fact]
    public void GroupMedians_UnevenGroups_CoverEveryValueInOrder()
    {
        double[] values = [5, 1, 3, 2, 9, 8, 7];
        double[] medians = new double[3];

        TrendAnalyzer.GroupMedians(values, medians);

        // Groups [5,1] [3,2] [9,8,7] (boundaries at 7/3 and 14/3).
        Assert.Equal([3.0, 2.5, 8.0], medians);
    }
}
