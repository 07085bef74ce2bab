namespace NetControl.Probes.Bandwidth;

/// <summary>
/// The trend of one stream: the combined verdict and the two metrics behind it (NaN when not computed, e.g.
/// a stream judged by its loss alone).
/// </summary>
/// <param name="Verdict">The combined verdict.</param>
/// <param name="Pct">Pairwise comparison test: the fraction of consecutive group medians that increase, in [0, 1].</param>
/// <param name="Pdt">Pairwise difference test: last minus first median over the sum of absolute steps, in [-1, 1].</param>
/// <param name="LossFraction">Fraction of the stream's packets that did not arrive.</param>
/// <param name="Groups">Number of group medians compared.</param>
public readonly record struct StreamTrend(TrendVerdict Verdict, double Pct, double Pdt, double LossFraction, int Groups);
