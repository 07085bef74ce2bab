using System.Net;
using NetControl.Probes.Stamp;

namespace NetControl.Probes.Sessions;

/// <summary>Configuration of a <see cref="StampReflector"/>.</summary>
public sealed record StampReflectorOptions
{
    /// <summary>Where to listen; port 0 picks an ephemeral port (see <see cref="StampReflector.LocalEndPoint"/>). Default: any IPv4 address, port 862.</summary>
    public IPEndPoint EndPoint { get; init; } = new(IPAddress.Any, StampPacketLayout.WellKnownPort);

    /// <summary>Use kernel receive timestamps (SO_TIMESTAMPNS) for T2 when the platform has them. Default true.</summary>
    public bool KernelTimestamps { get; init; } = true;

    /// <summary>The error estimate put in replies (the Z bit must stay clear: T2 and T3 are sent in NTP format).</summary>
    public ErrorEstimate ErrorEstimate { get; init; } = ErrorEstimate.Default;
}
