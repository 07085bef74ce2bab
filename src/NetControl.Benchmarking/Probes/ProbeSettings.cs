using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;

namespace NetControl.Benchmarking.Probes;

/// <summary>How long each probe runs, full and quick; and the bandwidth search bounds around a known capacity.</summary>
public sealed record ProbeSettings
{
    public static ProbeSettings Full { get; } = new();

    public static ProbeSettings Quick { get; } = new() { StampPackets = 400, StampInterval = TimeSpan.FromMilliseconds(5), StreamsPerFleet = 6, PingPackets = 200, IperfSeconds = 2, RateStepDuration = TimeSpan.FromSeconds(0.5), RateSessions = [16, 64] };

    /// <summary>STAMP test packets per grid point.</summary>
    public int StampPackets { get; init; } = 2000;

    public TimeSpan StampInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Streams per fleet of the available-bandwidth search (pathload: 12).</summary>
    public int StreamsPerFleet { get; init; } = 12;

    /// <summary>ping count on the namespace pair (ping -i 0.01).</summary>
    public int PingPackets { get; init; } = 1000;

    public int IperfSeconds { get; init; } = 5;

    /// <summary>Length of one step of the probes/s ramp.</summary>
    public TimeSpan RateStepDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Concurrent sessions at each step of the probes/s ramp, each sending every millisecond.</summary>
    public IReadOnlyList<int> RateSessions { get; init; } = [16, 32, 64, 96, 128, 192, 256];

    /// <summary>
    /// Estimator options for a path whose capacity is known to be <paramref name="capacity"/>: the search runs from
    /// 2% to 110% of it (pathload also bounds its search; above the capacity nothing can be learnt).
    /// </summary>
    public AvailableBandwidthOptions Bandwidth(DataRate capacity) => new()
    {
        MinimumRate = new DataRate(capacity.BitsPerSecond * 0.02),
        MaximumRate = new DataRate(capacity.BitsPerSecond * 1.1),
        Resolution = new DataRate(capacity.BitsPerSecond * 0.01),
        StreamsPerFleet = StreamsPerFleet,
    };
}
