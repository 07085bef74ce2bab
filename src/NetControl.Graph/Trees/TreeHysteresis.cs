using System.Globalization;

namespace NetControl.Graph.Trees;

/// <summary>
/// When an overlay should move to a cheaper tree (MonALISA's rule against flapping): keep the installed tree unless
/// the candidate costs less than <see cref="Ratio"/> times the installed tree's current cost, or less than that cost
/// minus <see cref="Margin"/>. Either test may be switched off (null); with both off any strictly cheaper candidate
/// wins. The default is MonALISA's "below 0.8x the old cost" with no margin test.
/// </summary>
public sealed record TreeHysteresis
{
    public static TreeHysteresis Default { get; } = new();

    /// <summary>Fraction of the current cost a candidate must be below, in (0, 1]; null switches the ratio test off.</summary>
    public double? Ratio
    {
        get;
        init => field = value is null or (> 0 and <= 1) ? value : throw new ArgumentOutOfRangeException(nameof(Ratio), value, "the hysteresis ratio must be in (0, 1]");
    } = 0.8;

    /// <summary>Absolute saving (same unit as the weights) a candidate must exceed, finite and non-negative; null switches the margin test off.</summary>
    public double? Margin
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value.Value >= 0) ? value : throw new ArgumentOutOfRangeException(nameof(Margin), value, "the hysteresis margin must be finite and non-negative");
    }

    /// <summary>
    /// True when a candidate of cost <paramref name="candidateCost"/> should replace a tree costing
    /// <paramref name="currentCost"/> under the current weights (+infinity when the current tree lost an edge).
    /// A candidate of infinite or NaN cost never qualifies; a candidate never qualifies unless strictly cheaper.
    /// </summary>
    public bool ShouldSwitch(double currentCost, double candidateCost)
    {
        if (!double.IsFinite(candidateCost) || !(candidateCost < currentCost))
        {
            return false;
        }

        if (Ratio is null && Margin is null)
        {
            return true;
        }

        return (Ratio is double r && candidateCost < r * currentCost)
            || (Margin is double m && candidateCost < currentCost - m);
    }

    /// <summary>The test in words, for decisions and logs: "cost below 0.8 x 120 = 96 or below 120 - 5 = 115".</summary>
    public string Describe(double currentCost)
    {
        var parts = new List<string>(2);
        if (Ratio is double r)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"below {r:0.###} x {currentCost:0.###} = {r * currentCost:0.###}"));
        }

        if (Margin is double m)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"below {currentCost:0.###} - {m:0.###} = {currentCost - m:0.###}"));
        }

        return parts.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"below {currentCost:0.###}")
            : string.Join(" or ", parts);
    }
}
