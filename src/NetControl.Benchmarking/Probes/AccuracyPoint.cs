using System.Globalization;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// One point of the probe accuracy grid: what the emulated links are configured to do. The STAMP link has a base
/// round trip split evenly between the directions, uniform extra delay on [0, <see cref="JitterMs"/>] in each
/// direction (FIFO, so no reordering) and Bernoulli loss <see cref="LossRatio"/> in each direction; the bandwidth
/// link has the same base delay and a forward bottleneck of <see cref="CapacityMbps"/> shared with Poisson cross
/// traffic at <see cref="CrossFraction"/> of the capacity.
/// </summary>
/// <param name="RttMs">Configured base round trip.</param>
/// <param name="JitterMs">Width of the uniform extra delay of each direction.</param>
/// <param name="LossRatio">Bernoulli loss of each direction (the round trip loses 1 - (1 - p)^2).</param>
/// <param name="CapacityMbps">Bottleneck capacity (wire bytes: UDP payload + 28).</param>
/// <param name="CrossFraction">Cross traffic as a fraction of the capacity, 0..0.7.</param>
public sealed record AccuracyPoint(double RttMs, double JitterMs, double LossRatio, double CapacityMbps, double CrossFraction)
{
    /// <summary>The full grid: 8 points spanning RTT 1-150 ms, jitter 0-5 ms, loss 0-5%, capacity 10-500 Mbit/s, cross traffic 0-70%.</summary>
    public static IReadOnlyList<AccuracyPoint> Full { get; } =
    [
        new(1, 0, 0, 10, 0),
        new(5, 0.2, 0.001, 50, 0.2),
        new(10, 0.5, 0.005, 100, 0.5),
        new(20, 1, 0.01, 100, 0),
        new(40, 2, 0.02, 200, 0.3),
        new(80, 3, 0.03, 300, 0.7),
        new(120, 4, 0.04, 500, 0.5),
        new(150, 5, 0.05, 500, 0.7),
    ];

    /// <summary>The quick grid: 3 points at the corners that matter (no impairment, mid, worst).</summary>
    public static IReadOnlyList<AccuracyPoint> Quick { get; } =
    [
        new(1, 0, 0, 10, 0),
        new(20, 1, 0.01, 100, 0.5),
        new(150, 5, 0.05, 50, 0.7),
    ];

    /// <summary>Round-trip loss probability of the STAMP link.</summary>
    public double RoundTripLoss => 1 - ((1 - LossRatio) * (1 - LossRatio));

    /// <summary>Available bandwidth of the bottleneck in wire bit/s.</summary>
    public double AvailableMbps => CapacityMbps * (1 - CrossFraction);

    public string Name => string.Create(CultureInfo.InvariantCulture, $"rtt{RttMs:0.###}ms-jitter{JitterMs:0.###}ms-loss{LossRatio * 100:0.###}pct-cap{CapacityMbps:0}M-cross{CrossFraction * 100:0}pct");
}
