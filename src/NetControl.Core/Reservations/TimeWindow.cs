using System.Globalization;

namespace NetControl.Core.Reservations;

/// <summary>
/// A half-open time window [<see cref="Start"/>, <see cref="End"/>); a null end means open-ended (until
/// released). Back-to-back windows (one ends when the next starts) do not overlap.
/// </summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset? End)
{
    /// <summary>A window with no end.</summary>
    public static TimeWindow From(DateTimeOffset start) => new(start, null);

    /// <summary>True when the window has no end.</summary>
    public bool IsOpen => End is null;

    /// <summary>True when <paramref name="time"/> lies in [Start, End).</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && (End is not { } end || time < end);

    /// <summary>True when the two windows share at least one instant.</summary>
    public bool Overlaps(TimeWindow other) =>
        (End is not { } end || other.Start < end) && (other.End is not { } otherEnd || Start < otherEnd);

    public override string ToString() => $"[{Format(Start)}, {(End is { } end ? Format(end) : "open")})";

    internal static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
