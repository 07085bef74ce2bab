namespace NetControl.Benchmarking.Measurement;

/// <summary>Timing of one operation over many runs, in milliseconds.</summary>
public sealed record Sample(string Implementation, double MedianMs, double P95Ms, double MinMs, double MeanMs, int Iterations)
{
    /// <summary>Median, p95, min and mean of <paramref name="timesMs"/> (at least one).</summary>
    public static Sample Of(string implementation, IEnumerable<double> timesMs)
    {
        var sorted = timesMs.Order().ToList();
        return new Sample(implementation, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted.Average(), sorted.Count);
    }

    /// <summary>The <paramref name="p"/> quantile (0..1) of ascending <paramref name="sorted"/>, interpolated between ranks.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        double rank = p * (sorted.Count - 1);
        int lo = (int)Math.Floor(rank);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
