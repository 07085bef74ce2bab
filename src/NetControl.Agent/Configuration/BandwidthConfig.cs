using System.Net;

namespace NetControl.Agent.Configuration;

/// <summary>Available-bandwidth estimation (SLoPS, <c>NetControl.Probes.Bandwidth</c>): the local stream receiver and the periodic estimates.</summary>
/// <param name="Listen">Where the local UDP stream receiver listens for the other agents' estimators; null runs none.</param>
/// <param name="Every">Time between two estimates towards one target (the first starts at once).</param>
/// <param name="MaxBytes">Probe payload budget of one estimate (at least one fleet, 1,200,000 bytes).</param>
/// <param name="MinMbps">Bottom of the rate search, Mbit/s.</param>
/// <param name="MaxMbps">Top of the rate search, Mbit/s.</param>
/// <param name="TargetIds">The targets to estimate towards; each has a <see cref="TargetConfig.BandwidthAddress"/>.</param>
public sealed record BandwidthConfig(IPEndPoint? Listen, TimeSpan Every, long MaxBytes, int MinMbps, int MaxMbps, IReadOnlyList<string> TargetIds)
{
    /// <summary>Payload bytes of one fleet with the estimator's defaults (12 streams x 100 packets x 1000 bytes).</summary>
    public const long FleetBytes = 1_200_000;
}
