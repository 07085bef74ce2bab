using System.Net;
using NetControl.Probes.Stamp;

namespace NetControl.Probes.Sessions;

/// <summary>Configuration of a <see cref="StampSessionSender"/>.</summary>
public sealed record StampSessionSenderOptions
{
    /// <summary>The reflector to probe.</summary>
    public required IPEndPoint Target { get; init; }

    /// <summary>Local address to bind; null binds the wildcard address of the target's family on an ephemeral port.</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>Time between test packets. Default 100 ms.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>UDP payload size of a test packet, 44 (no padding) up to 65507; the reflector answers with the same size. Default 44.</summary>
    public int PacketSize { get; init; } = StampPacketLayout.BaseLength;

    /// <summary>RFC 7680 waiting time: a packet not answered within it is lost. Default 3 s.</summary>
    public TimeSpan Tmax { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Length of a reporting interval (one <see cref="StampIntervalSummary"/> each). Default 10 s.</summary>
    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>STAMP Session Identifier (RFC 8972); replies carrying another SSID are ignored. Default 1.</summary>
    public ushort Ssid { get; init; } = 1;

    /// <summary>Number of packets to send before the session ends; null runs until cancelled.</summary>
    public long? Count { get; init; }

    /// <summary>Use kernel receive timestamps (SO_TIMESTAMPNS) for T4 when the platform has them. Default true.</summary>
    public bool KernelTimestamps { get; init; } = true;

    /// <summary>The error estimate put in test packets (Z clear: T1 is NTP format).</summary>
    public ErrorEstimate ErrorEstimate { get; init; } = ErrorEstimate.Default;
}
