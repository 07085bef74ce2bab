using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;

namespace NetControl.Benchmarking.Probes;

/// <summary>The figures of <see cref="NamespaceComparison"/>.</summary>
public sealed record NamespaceResult(StampIntervalSummary Stamp, IReadOnlyList<double> PingRttMs, AvailableBandwidthEstimate Estimate, DataRate IperfTcp, double IperfWallMs);
