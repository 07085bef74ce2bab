namespace NetControl.Simulators.Network.Namespaces;

/// <summary>Options of a <see cref="NamespacePair"/>.</summary>
public sealed record NamespacePairOptions
{
    /// <summary>Timeout of each ip/tc command, default 10 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Path of ip(8), default /usr/sbin/ip.</summary>
    public string IpPath { get; init; } = "/usr/sbin/ip";

    /// <summary>Path of iperf3, default /usr/bin/iperf3.</summary>
    public string IperfPath { get; init; } = "/usr/bin/iperf3";

    /// <summary>Sweep namespaces left by dead processes before creating, default true.</summary>
    public bool SweepStale { get; init; } = true;
}
