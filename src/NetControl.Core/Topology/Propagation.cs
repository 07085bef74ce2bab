namespace NetControl.Core.Topology;

/// <summary>Light in silica fibre: about 5 microseconds per kilometre (group index near 1.47).</summary>
public static class Propagation
{
    public const double MillisecondsPerKm = 0.005;

    public static double LatencyMs(double lengthKm) => lengthKm * MillisecondsPerKm;
}
