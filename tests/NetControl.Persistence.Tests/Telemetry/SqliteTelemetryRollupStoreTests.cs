using NetControl.Core.Telemetry;
using NetControl.Persistence.Telemetry;

namespace NetControl.Persistence.Tests.Telemetry;

public sealed class SqliteTelemetryRollupStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly TelemetryStoreFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ReadAsync_AfterWrite_RoundTripsExactly()
    {
        TelemetryRollup[] written =
        [
            Rollup("cern-chi", RollupResolution.Minute, T0, origin: "ctl-1"),
            Rollup("cern-chi", RollupResolution.Minute, T0.AddMinutes(1), origin: "ctl-1") with { RttMinMs = null, RttAvgMs = null, RttMaxMs = null, RttSamples = 0, JitterAvgMs = null, JitterSamples = 0, AvailableMbpsAvg = null, AvailableSamples = 0 },
            Rollup("cern-chi", RollupResolution.Hour, T0, origin: "ctl-1"),
            Rollup("chi-nyc", RollupResolution.Minute, T0, origin: "ctl-1"),
        ];
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);

        await store.WriteAsync(written, CancellationToken.None);
        var minutes = await store.ReadAsync("cern-chi", RollupResolution.Minute, T0, T0.AddHours(1), CancellationToken.None);
        var hours = await store.ReadAsync("cern-chi", RollupResolution.Hour, T0, T0.AddHours(1), CancellationToken.None);

        Assert.Equal([written[0], written[1]], minutes);
        Assert.Equal([written[2]], hours);
    }

    [Fact]
    public async Task ReadAsync_Range_IsHalfOpenOnBucketStart()
    {
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        var rollups = Enumerable.Range(0, 5).Select(m => Rollup("cern-chi", RollupResolution.Minute, T0.AddMinutes(m))).ToArray();
        await store.WriteAsync(rollups, CancellationToken.None);

        var read = await store.ReadAsync("cern-chi", RollupResolution.Minute, T0.AddMinutes(1), T0.AddMinutes(3), CancellationToken.None);

        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(2)], read.Select(r => r.BucketStart));
    }

    [Fact]
    public async Task WriteAsync_SameBatchRetried_DoesNotDoubleCount()
    {
        var batch = new[] { Rollup("cern-chi", RollupResolution.Minute, T0), Rollup("cern-chi", RollupResolution.Hour, T0) };
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);

        await store.WriteAsync(batch, CancellationToken.None);
        await store.WriteAsync(batch, CancellationToken.None);

        var read = await store.ReadAsync("cern-chi", RollupResolution.Minute, T0, T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal(batch[0], Assert.Single(read));
        Assert.Equal(2, _file.Execute("SELECT count(*) FROM telemetry_rollups"));
    }

    [Fact]
    public async Task ReadAsync_PartsFromTwoOrigins_MergedWithWeights()
    {
        var first = new TelemetryRollup("cern-chi", RollupResolution.Hour, T0, 10, 1000, 10, 20, 25, 40, 1, 900)
        {
            Origin = "before-restart", RttSamples = 10, JitterSamples = 10, AvailableSamples = 2,
        };
        var second = new TelemetryRollup("cern-chi", RollupResolution.Hour, T0, 30, 3000, 90, 15, 35, 30, 3, 700)
        {
            Origin = "after-restart", RttSamples = 30, JitterSamples = 10, AvailableSamples = 6,
        };
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);

        await store.WriteAsync([first], CancellationToken.None);
        await store.WriteAsync([second], CancellationToken.None);
        await store.WriteAsync([second], CancellationToken.None); // retry of the second part

        var merged = Assert.Single(await store.ReadAsync("cern-chi", RollupResolution.Hour, T0, T0.AddHours(1), CancellationToken.None));
        Assert.Equal("", merged.Origin);
        Assert.Equal((40L, 4000L, 100L), (merged.Samples, merged.Sent, merged.Lost));
        Assert.Equal((15.0, 40.0), (merged.RttMinMs, merged.RttMaxMs));
        Assert.Equal(((25.0 * 10) + (35.0 * 30)) / 40, merged.RttAvgMs!.Value, 12);
        Assert.Equal(2, merged.JitterAvgMs!.Value, 12);
        Assert.Equal(((900.0 * 2) + (700.0 * 6)) / 8, merged.AvailableMbpsAvg!.Value, 12);
        Assert.Equal((40L, 20L, 8L), (merged.RttSamples, merged.JitterSamples, merged.AvailableSamples));
    }

    [Fact]
    public async Task ReadAsync_TwoAggregatorsSplittingSamples_EqualsOneAggregator()
    {
        var random = new Random(11);
        var whole = new RollupAggregator("whole");
        var before = new RollupAggregator("before");
        var after = new RollupAggregator("after");
        for (int s = 0; s < 3600; s += 3)
        {
            var sample = new LinkSample(
                "cern-chi", "a1", T0.AddSeconds(s), TimeSpan.FromSeconds(1), 100, random.Next(3), 0,
                random.Next(5) == 0 ? null : 10 + (random.NextDouble() * 50), random.NextDouble(), null, 500 + random.Next(200));
            whole.Add(sample);
            (s < 1234 ? before : after).Add(sample);
        }

        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        await store.WriteAsync(before.TakeAll(), CancellationToken.None);
        await store.WriteAsync(after.TakeAll(), CancellationToken.None);

        var expected = whole.TakeAll().Single(r => r.Resolution == RollupResolution.Hour);
        var actual = Assert.Single(await store.ReadAsync("cern-chi", RollupResolution.Hour, T0, T0.AddHours(1), CancellationToken.None));
        Assert.Equal((expected.Samples, expected.Sent, expected.Lost), (actual.Samples, actual.Sent, actual.Lost));
        Assert.Equal((expected.RttMinMs, expected.RttMaxMs), (actual.RttMinMs, actual.RttMaxMs));
        Assert.Equal(expected.RttAvgMs!.Value, actual.RttAvgMs!.Value, 9);
        Assert.Equal(expected.JitterAvgMs!.Value, actual.JitterAvgMs!.Value, 9);
        Assert.Equal(expected.AvailableMbpsAvg!.Value, actual.AvailableMbpsAvg!.Value, 9);
        Assert.Equal(60, (await store.ReadAsync("cern-chi", RollupResolution.Minute, T0, T0.AddHours(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task OpenAsync_ReopenedFile_SeesEverythingWritten()
    {
        var rollup = Rollup("cern-chi", RollupResolution.Minute, T0);
        await using (var store = new SqliteTelemetryRollupStore(_file.Path))
        {
            await store.WriteAsync([rollup], CancellationToken.None);
        }

        await using var reopened = await SqliteTelemetryRollupStore.OpenAsync($"Data Source={_file.Path}");
        Assert.Equal(_file.Path, reopened.Path);
        Assert.Equal([rollup], await reopened.ReadAsync("cern-chi", RollupResolution.Minute, T0, T0.AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_InvalidRollupInBatch_ThrowsAndWritesNothing()
    {
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        var good = Rollup("cern-chi", RollupResolution.Minute, T0);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync([good, good with { Lost = good.Sent + 1 }], CancellationToken.None));

        Assert.Equal(0, _file.Execute("SELECT count(*) FROM telemetry_rollups"));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_WritesNothing()
    {
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.WriteAsync([Rollup("cern-chi", RollupResolution.Minute, T0)], cancelled.Token));

        Assert.Equal(0, _file.Execute("SELECT count(*) FROM telemetry_rollups"));
    }

    [Fact]
    public async Task PruneAsync_OldBuckets_RemovedOnlyAtThatResolution()
    {
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        await store.WriteAsync(
            [
                Rollup("cern-chi", RollupResolution.Minute, T0),
                Rollup("cern-chi", RollupResolution.Minute, T0.AddMinutes(1)),
                Rollup("cern-chi", RollupResolution.Hour, T0),
            ],
            CancellationToken.None);

        int removed = await store.PruneAsync(RollupResolution.Minute, T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Equal(2, _file.Execute("SELECT count(*) FROM telemetry_rollups"));
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var store = await SqliteTelemetryRollupStore.OpenAsync(_file.Path);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => store.WriteAsync([Rollup("cern-chi", RollupResolution.Minute, T0)], CancellationToken.None));
    }

    private static TelemetryRollup Rollup(string link, RollupResolution resolution, DateTimeOffset start, string origin = "ctl-1") =>
        new(link, resolution, start, 60, 6000, 12, 10.25, 12.5, 19.75, 0.8, 940.5)
        {
            Origin = origin, RttSamples = 58, JitterSamples = 58, AvailableSamples = 6,
        };
}
