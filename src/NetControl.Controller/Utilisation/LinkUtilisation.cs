namespace NetControl.Controller.Utilisation;

/// <summary>
/// A link's measured traffic: bit/s from end A to end B and from B to A (null where no interface of either end
/// measures that direction), the link's capacity, and the busier direction as a percentage of it (null without a
/// capacity or a measured direction). <see cref="At"/> is the end of the latest interval that contributed.
/// </summary>
public sealed record LinkUtilisation(string LinkId, DateTimeOffset At, double? AToBBitsPerSecond, double? BToABitsPerSecond, double? CapacityBitsPerSecond)
{
    public double? Percent =>
        CapacityBitsPerSecond is > 0 && (AToBBitsPerSecond ?? BToABitsPerSecond) is not null
            ? 100 * Math.Max(AToBBitsPerSecond ?? 0, BToABitsPerSecond ?? 0) / CapacityBitsPerSecond.Value
            : null;
}
