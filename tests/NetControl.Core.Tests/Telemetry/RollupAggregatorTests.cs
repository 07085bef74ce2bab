using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class RollupAggregatorTests
{
    [Fact]
    public void TakeCompleted_MinuteEnded_EmitsMinuteWithStatistics()
    {
        var aggregator = new RollupAggregator("ctl-1");
        aggregator.Add(Samples.At(0, loss: 0.01, rtt: 10, jitter: 1, availableLow: 800, availableHigh: 1000));
        aggregator.Add(Samples.At(1, loss: 0.03, rtt: 30, jitter: null, availableLow: 700));
        aggregator.Add(Samples.At(2, loss: 1, rtt: null, jitter: 3));

        Assert.Empty(aggregator.TakeCompleted(Samples.Start.AddSeconds(59)));
        var minute = Assert.Single(aggregator.TakeCompleted(Samples.Start.AddMinutes(1)));

        var expected = new TelemetryRollup("cern-chi", RollupResolution.Minute, Samples.Start, 3, 300, 104, 10, 20, 30, 2, 800)
        {
            Origin = "ctl-1",
            RttSamples = 2,
            JitterSamples = 2,
            AvailableSamples = 2,
        };
        Assert.Equal(expected, minute);
        Assert.Equal(TimeSpan.Zero, minute.BucketStart.Offset);
        Assert.Equal(104.0 / 300, minute.LossRatio, 12);
        Assert.Equal(1, aggregator.OpenBuckets); // the hour
    }

    [Fact]
    public void TakeCompleted_HourEnded_EmitsHourAfterItsMinutes()
    {
        var aggregator = new RollupAggregator("ctl-1");
        aggregator.Add(Samples.At(0));
        aggregator.Add(Samples.At(3599));

        var taken = aggregator.TakeCompleted(Samples.Start.AddHours(1));

        Assert.Equal(
            [(RollupResolution.Minute, Samples.Start), (RollupResolution.Hour, Samples.Start), (RollupResolution.Minute, Samples.Start.AddMinutes(59))],
            taken.Select(r => (r.Resolution, r.BucketStart)));
        Assert.Equal(2, taken.Single(r => r.Resolution == RollupResolution.Hour).Samples);
        Assert.Equal(0, aggregator.OpenBuckets);
    }

    [Fact]
    public void TakeCompleted_CalledAgain_EmitsNothingTwice()
    {
        var aggregator = new RollupAggregator("ctl-1");
        aggregator.Add(Samples.At(0));

        Assert.Single(aggregator.TakeCompleted(Samples.Start.AddMinutes(5)));
        Assert.Empty(aggregator.TakeCompleted(Samples.Start.AddMinutes(5)));
        Assert.Empty(aggregator.TakeCompleted(Samples.Start.AddMinutes(6)));
    }

    [Fact]
    public void Add_SampleForEmittedMinute_RefusedAsLate()
    {
        var aggregator = new RollupAggregator("ctl-1");
        aggregator.Add(Samples.At(0));
        aggregator.TakeCompleted(Samples.Start.AddSeconds(61));

        Assert.False(aggregator.Add(Samples.At(30), out var reason));
        Assert.True(aggregator.Add(Samples.At(61)));

        Assert.Equal(SampleRejection.Late, reason);
        Assert.Equal(1, aggregator.LateSamples);
    }

    [Fact]
    public void Add_MalformedSample_Refused()
    {
        var aggregator = new RollupAggregator("ctl-1");

        Assert.False(aggregator.Add(Samples.At(0) with { Lost = 500 }, out var reason));

        Assert.Equal(SampleRejection.LostExceedsSent, reason);
        Assert.Equal(0, aggregator.OpenBuckets);
    }

    [Fact]
    public void TakeAll_OpenBuckets_EmitsThemAndRefusesTheirHourAfterwards()
    {
        var aggregator = new RollupAggregator("ctl-1");
        aggregator.Add(Samples.At(10));

        var all = aggregator.TakeAll();

        Assert.Equal(2, all.Count);
        Assert.False(aggregator.Add(Samples.At(1800)));
        Assert.True(aggregator.Add(Samples.At(3600)));
        Assert.DoesNotContain(aggregator.TakeAll(), r => r.BucketStart < Samples.Start.AddHours(1));
    }

    [Fact]
    public void Constructor_NoOrigin_GeneratesDistinctOrigins()
    {
        Assert.NotEqual(new RollupAggregator().Origin, new RollupAggregator().Origin);
        Assert.NotEmpty(new RollupAggregator().Origin);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TakeCompleted_RandomSamples_BucketsEqualDirectAggregationAndNoneTwice(int seed)
    {
        var random = new Random(seed);
        var aggregator = new RollupAggregator("ctl-1");
        var accepted = new List<LinkSample>();
        var emitted = new List<TelemetryRollup>();
        string[] links = ["a-b", "b-c", "c-d"];
        DateTimeOffset now = Samples.Start.AddSeconds(random.Next(3600));
        for (int step = 0; step < 3000; step++)
        {
            now = now.AddSeconds(random.Next(0, 5));
            var sample = new LinkSample(
                links[random.Next(links.Length)],
                "a1",
                now.AddSeconds(-random.Next(0, 90)).AddMilliseconds(random.Next(1000)),
                TimeSpan.FromSeconds(1),
                Sent: 100,
                Lost: random.Next(0, 5),
                LossRatio: 0,
                RttMedianMs: random.Next(4) == 0 ? null : random.NextDouble() * 100,
                JitterMs: random.Next(4) == 0 ? null : random.NextDouble() * 5,
                AvailableMbpsLow: random.Next(2) == 0 ? null : 500 + random.Next(100),
                AvailableMbpsHigh: random.Next(3) == 0 ? null : 600 + random.Next(100));
            if (aggregator.Add(sample))
            {
                accepted.Add(sample);
            }

            if (random.Next(20) == 0)
            {
                emitted.AddRange(aggregator.TakeCompleted(now));
            }
        }

        emitted.AddRange(aggregator.TakeAll());

        Assert.True(aggregator.LateSamples > 0, "the generator should produce some late samples");
        Assert.Equal(emitted.Count, emitted.Select(r => (r.LinkId, r.Resolution, r.BucketStart)).Distinct().Count());
        foreach (var resolution in new[] { RollupResolution.Minute, RollupResolution.Hour })
        {
            var expected = accepted
                .GroupBy(s => (s.LinkId, Start: RollupBuckets.StartOf(s.IntervalStart, resolution)))
                .ToDictionary(g => g.Key, g => g.ToList());
            var actual = emitted.Where(r => r.Resolution == resolution).ToList();
            Assert.Equal(expected.Count, actual.Count);
            foreach (var rollup in actual)
            {
                AssertAggregates(expected[(rollup.LinkId, rollup.BucketStart)], rollup);
            }
        }
    }

    private static void AssertAggregates(List<LinkSample> samples, TelemetryRollup rollup)
    {
        Assert.Equal(samples.Count, rollup.Samples);
        Assert.Equal(samples.Sum(s => s.Sent), rollup.Sent);
        Assert.Equal(samples.Sum(s => s.Lost), rollup.Lost);
        var rtts = samples.Where(s => s.RttMedianMs is not null).Select(s => s.RttMedianMs!.Value).ToList();
        Assert.Equal(rtts.Count, rollup.RttSamples);
        AssertClose(rtts.Count == 0 ? null : rtts.Min(), rollup.RttMinMs);
        AssertClose(rtts.Count == 0 ? null : rtts.Average(), rollup.RttAvgMs);
        AssertClose(rtts.Count == 0 ? null : rtts.Max(), rollup.RttMaxMs);
        var jitters = samples.Where(s => s.JitterMs is not null).Select(s => s.JitterMs!.Value).ToList();
        Assert.Equal(jitters.Count, rollup.JitterSamples);
        AssertClose(jitters.Count == 0 ? null : jitters.Average(), rollup.JitterAvgMs);
        var available = samples
            .Where(s => s.AvailableMbpsLow is not null || s.AvailableMbpsHigh is not null)
            .Select(s => s.AvailableMbpsLow is { } low && s.AvailableMbpsHigh is { } high ? (low + high) / 2 : (s.AvailableMbpsLow ?? s.AvailableMbpsHigh)!.Value)
            .ToList();
        Assert.Equal(available.Count, rollup.AvailableSamples);
        AssertClose(available.Count == 0 ? null : available.Average(), rollup.AvailableMbpsAvg);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }
}
