namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Pathload's trend tests on the one-way delays of one periodic stream. Delays may carry any constant offset
/// (unsynchronised clocks): only their trend matters. The received packets are split, in send order, into
/// groups; each group is reduced to its median (robust to a few outliers such as a descheduled receiver), and
/// the sequence of medians is tested twice:
/// <list type="bullet">
/// <item>PCT, the fraction of consecutive medians that increase, near 0.5 for noise and near 1 for a ramp;</item>
/// <item>PDT, the net rise from the first to the last median over the total absolute variation, near 0 for
/// noise and near 1 for a ramp.</item>
/// </list>
/// Both decisive and agreeing, or one decisive and the other ambiguous, gives that verdict; a conflict or two
/// ambiguous tests gives <see cref="TrendVerdict.Ambiguous"/>.
/// </summary>
public static class TrendAnalyzer
{
    /// <summary>Judges a stream from the delays of its received packets, in send order, lost packets omitted.</summary>
    /// <param name="delays">One-way delays of the received packets in send order (any unit, any offset).</param>
    /// <param name="packetsSent">Packets the stream sent, for the loss fraction.</param>
    /// <param name="options">Thresholds; null for pathload's.</param>
    public static StreamTrend Analyze(ReadOnlySpan<double> delays, int packetsSent, TrendOptions? options = null)
    {
        options ??= Defaults;
        ArgumentOutOfRangeException.ThrowIfLessThan(packetsSent, delays.Length);
        double loss = packetsSent == 0 ? 1 : 1 - ((double)delays.Length / packetsSent);
        if (loss > options.MaxLossFraction)
        {
            return new StreamTrend(TrendVerdict.Increasing, double.NaN, double.NaN, loss, 0);
        }

        int groups = Math.Min(options.Groups ?? (int)Math.Sqrt(delays.Length), delays.Length);
        if (groups < options.MinimumGroups)
        {
            return new StreamTrend(TrendVerdict.Ambiguous, double.NaN, double.NaN, loss, groups);
        }

        Span<double> medians = groups <= 256 ? stackalloc double[groups] : new double[groups];
        GroupMedians(delays, medians);
        double pct = Pct(medians);
        double pdt = Pdt(medians);
        var verdict = Combine(
            Classify(pct, options.PctIncreasing, options.PctNonIncreasing),
            Classify(pdt, options.PdtIncreasing, options.PdtNonIncreasing));
        return new StreamTrend(verdict, pct, pdt, loss, groups);
    }

    /// <summary>Fraction of consecutive medians that strictly increase.</summary>
    public static double Pct(ReadOnlySpan<double> medians)
    {
        if (medians.Length < 2)
        {
            return double.NaN;
        }

        int up = 0;
        for (int k = 1; k < medians.Length; k++)
        {
            if (medians[k] > medians[k - 1])
            {
                up++;
            }
        }

        return (double)up / (medians.Length - 1);
    }

    /// <summary>Net rise over total absolute variation; 0 for a perfectly flat sequence.</summary>
    public static double Pdt(ReadOnlySpan<double> medians)
    {
        if (medians.Length < 2)
        {
            return double.NaN;
        }

        double variation = 0;
        for (int k = 1; k < medians.Length; k++)
        {
            variation += Math.Abs(medians[k] - medians[k - 1]);
        }

        return variation == 0 ? 0 : (medians[^1] - medians[0]) / variation;
    }

    /// <summary>Splits <paramref name="values"/> into <c>medians.Length</c> near-equal consecutive groups and writes each group's median.</summary>
    public static void GroupMedians(ReadOnlySpan<double> values, Span<double> medians)
    {
        int groups = medians.Length;
        ArgumentOutOfRangeException.ThrowIfZero(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, groups);
        double[] scratch = new double[(values.Length / groups) + 1];
        for (int g = 0; g < groups; g++)
        {
            int start = (int)((long)g * values.Length / groups);
            int end = (int)((long)(g + 1) * values.Length / groups);
            var group = scratch.AsSpan(0, end - start);
            values[start..end].CopyTo(group);
            group.Sort();
            medians[g] = group.Length % 2 == 1
                ? group[group.Length / 2]
                : (group[(group.Length / 2) - 1] + group[group.Length / 2]) / 2;
        }
    }

    private static readonly TrendOptions Defaults = new();

    private static TrendVerdict Classify(double metric, double increasing, double nonIncreasing) =>
        metric > increasing ? TrendVerdict.Increasing
        : metric < nonIncreasing ? TrendVerdict.NonIncreasing
        : TrendVerdict.Ambiguous;

    private static TrendVerdict Combine(TrendVerdict pct, TrendVerdict pdt) =>
        pct == pdt ? pct
        : pct == TrendVerdict.Ambiguous ? pdt
        : pdt == TrendVerdict.Ambiguous ? pct
        : TrendVerdict.Ambiguous;
}
