namespace NetControl.Benchmarking.Probes;

/// <summary>
/// The RFC 3550 interarrival jitter a perfect round-trip probe would report on a link whose two directions each add
/// an independent uniform extra delay on [0, width]: the filter J += (|D| - J) / 16 settles around E|D|, D being the
/// difference of consecutive round-trip transits (four independent uniforms, two of each sign). Computed by Monte Carlo
/// with a fixed seed, the same figure every run.
/// </summary>
public static class JitterTruth
{
    public static double ExpectedRfc3550Ms(double widthMs, int draws = 1_000_000)
    {
        if (widthMs <= 0)
        {
            return 0;
        }

        var random = new Random(3550);
        double sum = 0;
        for (int i = 0; i < draws; i++)
        {
            double d = random.NextDouble() + random.NextDouble() - random.NextDouble() - random.NextDouble();
            sum += Math.Abs(d);
        }

        return sum / draws * widthMs;
    }
}
