namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Thresholds of the pathload trend tests. The defaults are pathload's published values: PCT above 0.66 is
/// increasing, below 0.54 non-increasing; PDT above 0.55 is increasing, below 0.45 non-increasing; in between
/// each test is ambiguous.
/// </summary>
public sealed record TrendOptions
{
    /// <summary>Pairwise comparison test: a fraction of increasing consecutive group medians above this is increasing.</summary>
    public double PctIncreasing { get; init; } = 0.66;

    /// <summary>Pairwise comparison test: a fraction below this is non-increasing.</summary>
    public double PctNonIncreasing { get; init; } = 0.54;

    /// <summary>Pairwise difference test: a normalised end-to-end rise above this is increasing.</summary>
    public double PdtIncreasing { get; init; } = 0.55;

    /// <summary>Pairwise difference test: a normalised rise below this is non-increasing.</summary>
    public double PdtNonIncreasing { get; init; } = 0.45;

    /// <summary>
    /// Number of groups whose medians are compared; null means pathload's choice, the square root of the
    /// received packet count (10 groups of 10 for a 100-packet stream).
    /// </summary>
    public int? Groups { get; init; }

    /// <summary>Fewer groups than this (too few packets received) makes the stream ambiguous.</summary>
    public int MinimumGroups { get; init; } = 4;

    /// <summary>
    /// A stream losing more than this fraction of its packets overloaded the path: it counts as increasing
    /// whatever its delays say (pathload treats heavy loss the same way).
    /// </summary>
    public double MaxLossFraction { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentException"/> when the thresholds are inconsistent.</summary>
    public void Validate()
    {
        if (!(PctNonIncreasing <= PctIncreasing) || PctNonIncreasing < 0 || PctIncreasing > 1)
        {
            throw new ArgumentException($"PCT thresholds must satisfy 0 <= non-increasing ({PctNonIncreasing}) <= increasing ({PctIncreasing}) <= 1");
        }

        if (!(PdtNonIncreasing <= PdtIncreasing) || PdtNonIncreasing < -1 || PdtIncreasing > 1)
        {
            throw new ArgumentException($"PDT thresholds must satisfy -1 <= non-increasing ({PdtNonIncreasing}) <= increasing ({PdtIncreasing}) <= 1");
        }

        if (Groups is < 2 || MinimumGroups < 2)
        {
            throw new ArgumentException("at least two groups are needed to see a trend");
        }

        if (MaxLossFraction is < 0 or > 1)
        {
            throw new ArgumentException($"loss fraction {MaxLossFraction} is not within [0, 1]");
        }
    }
}
