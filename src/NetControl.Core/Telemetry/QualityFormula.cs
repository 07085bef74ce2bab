namespace NetControl.Core.Telemetry;

/// <summary>
/// Link quality as MonALISA computed it: <c>Scale / (1 + RttWeight·rtt + LossWeight·loss + JitterWeight·jitter)</c>,
/// with rtt and jitter in <b>milliseconds</b> and loss in <b>percent (0-100)</b>. Higher is better; a perfect link
/// scores <see cref="Scale"/>. The default is MonALISA's <c>1000 / (1 + rtt + 7·loss + 8·jitter)</c>.
/// </summary>
public sealed record QualityFormula
{
    /// <summary>MonALISA's coefficients.</summary>
    public static QualityFormula MonAlisa { get; } = new();

    /// <summary>Numerator: the quality of a link with zero RTT, loss and jitter.</summary>
    public double Scale { get; init; } = 1000;

    /// <summary>Weight of the RTT median, per millisecond.</summary>
    public double RttWeight { get; init; } = 1;

    /// <summary>Weight of the loss, per percent.</summary>
    public double LossWeight { get; init; } = 7;

    /// <summary>Weight of the jitter, per millisecond.</summary>
    public double JitterWeight { get; init; } = 8;

    /// <summary>Evaluates the formula. <paramref name="lossPercent"/> is 0-100, not a ratio.</summary>
    public double Evaluate(double rttMs, double lossPercent, double jitterMs) =>
        Scale / (1 + (RttWeight * rttMs) + (LossWeight * lossPercent) + (JitterWeight * jitterMs));

    /// <summary>
    /// The quality of a sample: zero when nothing came back (loss ratio 1), otherwise the formula with a missing
    /// RTT or jitter counted as 0.
    /// </summary>
    public double Evaluate(in LinkSample sample) =>
        sample.LossRatio >= 1 ? 0 : Evaluate(sample.RttMedianMs ?? 0, sample.LossRatio * 100, sample.JitterMs ?? 0);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless every coefficient is finite and not negative, and the scale positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(Scale) && Scale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "the quality scale must be finite and positive");
        }

        CheckWeight(nameof(RttWeight), RttWeight);
        CheckWeight(nameof(LossWeight), LossWeight);
        CheckWeight(nameof(JitterWeight), JitterWeight);

        static void CheckWeight(string name, double weight)
        {
            if (!(double.IsFinite(weight) && weight >= 0))
            {
                throw new ArgumentOutOfRangeException(name, weight, "quality weights must be finite and not negative");
            }
        }
    }
}
