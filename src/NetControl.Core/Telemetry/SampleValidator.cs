namespace NetControl.Core.Telemetry;

/// <summary>The stateless checks on a sample: shape and ranges. Allocation-free.</summary>
public static class SampleValidator
{
    /// <summary>Returns the first reason <paramref name="sample"/> is malformed, or <see cref="SampleRejection.None"/>.</summary>
    public static SampleRejection Check(in LinkSample sample)
    {
        if (string.IsNullOrWhiteSpace(sample.LinkId))
        {
            return SampleRejection.EmptyLinkId;
        }

        if (string.IsNullOrWhiteSpace(sample.Source))
        {
            return SampleRejection.EmptySource;
        }

        if (sample.Interval <= TimeSpan.Zero)
        {
            return SampleRejection.InvalidInterval;
        }

        if (sample.Sent < 0 || sample.Lost < 0)
        {
            return SampleRejection.NegativeCount;
        }

        if (sample.Lost > sample.Sent)
        {
            return SampleRejection.LostExceedsSent;
        }

        if (!(sample.LossRatio >= 0 && sample.LossRatio <= 1))
        {
            return SampleRejection.LossOutOfRange; // also catches NaN
        }

        if (!IsValidOptional(sample.RttMedianMs))
        {
            return SampleRejection.InvalidRtt;
        }

        if (!IsValidOptional(sample.JitterMs))
        {
            return SampleRejection.InvalidJitter;
        }

        if (!IsValidOptional(sample.AvailableMbpsLow) || !IsValidOptional(sample.AvailableMbpsHigh)
            || (sample.AvailableMbpsLow is { } low && sample.AvailableMbpsHigh is { } high && low > high))
        {
            return SampleRejection.InvalidBandwidth;
        }

        return SampleRejection.None;
    }

    private static bool IsValidOptional(double? value) => value is not { } v || (double.IsFinite(v) && v >= 0);
}
