using System.Runtime.InteropServices;

namespace NetControl.Core.Telemetry;

/// <summary>
/// Sums samples into minute and hour buckets (UTC-aligned, by interval start) and hands each bucket out exactly once:
/// <see cref="TakeCompleted"/> when its period has ended, or <see cref="TakeAll"/> at shutdown. A sample for a bucket
/// already handed out is refused as <see cref="SampleRejection.Late"/> (in both resolutions, so an hour always equals
/// the sum of its minutes). Pure (no clock, no I/O) and not thread-safe: one owner calls it, or the caller locks.
/// </summary>
public sealed class RollupAggregator
{
    private static readonly long MinuteTicks = TimeSpan.TicksPerMinute;
    private static readonly long HourTicks = TimeSpan.TicksPerHour;

    private readonly Dictionary<(string LinkId, long Bucket), RollupAccumulator> _minutes = [];
    private readonly Dictionary<(string LinkId, long Bucket), RollupAccumulator> _hours = [];
    private long _closedBefore = long.MinValue; // minute buckets starting before this were handed out

    /// <summary>Creates an aggregator whose roll-ups carry <paramref name="origin"/> (default: a new random id).</summary>
    public RollupAggregator(string? origin = null)
    {
        Origin = string.IsNullOrEmpty(origin) ? Guid.NewGuid().ToString("N") : origin;
    }

    /// <summary>The <see cref="TelemetryRollup.Origin"/> of every roll-up this instance produces.</summary>
    public string Origin { get; }

    /// <summary>Samples refused because their bucket was already handed out.</summary>
    public long LateSamples { get; private set; }

    /// <summary>Open buckets (minute and hour).</summary>
    public int OpenBuckets => _minutes.Count + _hours.Count;

    /// <summary>Adds a sample; false when it is malformed or late.</summary>
    public bool Add(in LinkSample sample) => Add(sample, out _);

    /// <summary>Adds a sample; false with the reason when it is malformed or late.</summary>
    public bool Add(in LinkSample sample, out SampleRejection rejection)
    {
        rejection = SampleValidator.Check(sample);
        if (rejection != SampleRejection.None)
        {
            return false;
        }

        long ticks = sample.IntervalStart.UtcTicks;
        long minute = RollupBuckets.Floor(ticks, MinuteTicks);
        if (minute < _closedBefore)
        {
            LateSamples++;
            rejection = SampleRejection.Late;
            return false;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_minutes, (sample.LinkId, minute), out _).Add(sample);
        CollectionsMarshal.GetValueRefOrAddDefault(_hours, (sample.LinkId, RollupBuckets.Floor(ticks, HourTicks)), out _).Add(sample);
        return true;
    }

    /// <summary>
    /// Hands out (and forgets) every bucket that ended at or before <paramref name="now"/>, ordered by bucket start,
    /// link id, then resolution (minute first).
    /// </summary>
    public IReadOnlyList<TelemetryRollup> TakeCompleted(DateTimeOffset now)
    {
        long nowTicks = now.UtcTicks;
        var result = new List<TelemetryRollup>();
        Take(_minutes, RollupResolution.Minute, MinuteTicks, nowTicks, result);
        Take(_hours, RollupResolution.Hour, HourTicks, nowTicks, result);
        _closedBefore = Math.Max(_closedBefore, RollupBuckets.Floor(nowTicks, MinuteTicks));
        Sort(result);
        return result;
    }

    /// <summary>
    /// Hands out every open bucket, ended or not (at shutdown). Samples falling in any hour handed out are late from
    /// then on, so no bucket goes out twice.
    /// </summary>
    public IReadOnlyList<TelemetryRollup> TakeAll()
    {
        var result = new List<TelemetryRollup>(OpenBuckets);
        long latestHourEnd = long.MinValue;
        foreach (KeyValuePair<(string LinkId, long Bucket), RollupAccumulator> pair in _hours)
        {
            latestHourEnd = Math.Max(latestHourEnd, pair.Key.Bucket + HourTicks);
        }

        Take(_minutes, RollupResolution.Minute, MinuteTicks, long.MaxValue, result);
        Take(_hours, RollupResolution.Hour, HourTicks, long.MaxValue, result);
        _closedBefore = Math.Max(_closedBefore, latestHourEnd);
        Sort(result);
        return result;
    }

    private void Take(
        Dictionary<(string LinkId, long Bucket), RollupAccumulator> buckets,
        RollupResolution resolution,
        long length,
        long nowTicks,
        List<TelemetryRollup> into)
    {
        foreach (KeyValuePair<(string LinkId, long Bucket), RollupAccumulator> pair in buckets)
        {
            if (nowTicks == long.MaxValue || pair.Key.Bucket + length <= nowTicks)
            {
                into.Add(pair.Value.ToRollup(pair.Key.LinkId, resolution, pair.Key.Bucket, Origin));
                buckets.Remove(pair.Key); // allowed while enumerating a Dictionary
            }
        }
    }

    private static void Sort(List<TelemetryRollup> rollups) =>
        rollups.Sort(static (a, b) =>
        {
            int c = a.BucketStart.UtcTicks.CompareTo(b.BucketStart.UtcTicks);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.LinkId, b.LinkId);
            }

            return c != 0 ? c : ((int)a.Resolution).CompareTo((int)b.Resolution);
        });
}
