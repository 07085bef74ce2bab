namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>
/// A deterministic packet-level FIFO bottleneck of capacity C (bit/s) shared by cross traffic of mean rate X
/// and a periodic probe stream. Each stream starts after a warm-up of cross traffic alone (the queue in its
/// steady state, as after an inter-stream gap); a probe packet's one-way delay is its queueing plus
/// transmission time, plus a per-stream constant clock offset (unsynchronised clocks) and optional uniform
/// timestamp noise (a user-space receive clock). All randomness comes from the seeded <see cref="Random"/>.
/// </summary>
internal sealed class BottleneckQueueModel
{
    private readonly Random _random;

    public BottleneckQueueModel(double capacity, double crossRate, CrossTraffic kind, int seed, int crossPacketSize = 1500, double timestampNoise = 0)
    {
        Capacity = capacity;
        CrossRate = crossRate;
        Kind = kind;
        CrossPacketSize = crossPacketSize;
        TimestampNoise = timestampNoise;
        _random = new Random(seed);
    }

    public double Capacity { get; }

    public double CrossRate { get; }

    public CrossTraffic Kind { get; }

    public int CrossPacketSize { get; }

    /// <summary>Half-width of the uniform noise added to each delay, seconds.</summary>
    public double TimestampNoise { get; }

    /// <summary>The ground truth: C - X.</summary>
    public double AvailableBandwidth => Capacity - CrossRate;

    /// <summary>
    /// CBR only: each gap is the mean gap times a uniform factor in [1 - j, 1 + j]. Zero gives perfectly
    /// periodic cross traffic, which can alias with the periodic probe stream (see the accuracy tests).
    /// </summary>
    public double CbrJitter { get; init; }

    /// <summary>Cross traffic alone before each stream, seconds.</summary>
    public double Warmup { get; init; } = 0.05;

    /// <summary>One-way delays (seconds, with a random constant offset) of a periodic stream of <paramref name="count"/> packets of <paramref name="size"/> bytes at <paramref name="rate"/> bit/s.</summary>
    public double[] Delays(double rate, int size, int count)
    {
        double period = size * 8.0 / rate;
        double crossService = CrossPacketSize * 8.0 / Capacity;
        double probeService = size * 8.0 / Capacity;
        double meanGap = CrossRate > 0 ? CrossPacketSize * 8.0 / CrossRate : double.PositiveInfinity;
        double free = -Warmup;
        double nextCross = double.IsFinite(meanGap) ? -Warmup + (_random.NextDouble() * meanGap) : double.PositiveInfinity;
        double offset = _random.NextDouble() * 1000;
        double[] delays = new double[count];
        for (int i = 0; i < count; i++)
        {
            double arrival = i * period;
            while (nextCross <= arrival)
            {
                free = Math.Max(free, nextCross) + crossService;
                nextCross += Kind == CrossTraffic.Cbr
                    ? meanGap * (1 + (CbrJitter * ((_random.NextDouble() * 2) - 1)))
                    : -Math.Log(1 - _random.NextDouble()) * meanGap;
            }

            free = Math.Max(free, arrival) + probeService;
            double noise = TimestampNoise > 0 ? ((_random.NextDouble() * 2) - 1) * TimestampNoise : 0;
            delays[i] = free - arrival + offset + noise;
        }

        return delays;
    }
}
