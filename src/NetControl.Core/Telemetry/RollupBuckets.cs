namespace NetControl.Core.Telemetry;

/// <summary>UTC bucket arithmetic for roll-ups, in ticks.</summary>
public static class RollupBuckets
{
    /// <summary>Length of a bucket.</summary>
    public static TimeSpan Length(RollupResolution resolution) => resolution switch
    {
        RollupResolution.Minute => TimeSpan.FromMinutes(1),
        RollupResolution.Hour => TimeSpan.FromHours(1),
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "unknown roll-up resolution"),
    };

    /// <summary>The start of the bucket holding <paramref name="at"/>, in UTC.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset at, RollupResolution resolution) =>
        new(Floor(at.UtcTicks, Length(resolution).Ticks), TimeSpan.Zero);

    internal static long Floor(long ticks, long length) => ticks - (ticks % length);
}
