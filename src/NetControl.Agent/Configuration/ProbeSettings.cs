namespace NetControl.Agent.Configuration;

/// <summary>How one STAMP session probes (defaults match <c>StampSessionSenderOptions</c>).</summary>
public sealed record ProbeSettings
{
    /// <summary>Time between test packets. Default 100 ms.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>UDP payload of a test packet, 44-65507 bytes. Default 44.</summary>
    public int PacketSize { get; init; } = 44;

    /// <summary>Length of a reporting interval (one summary each). Default 10 s.</summary>
    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>RFC 7680 waiting time after which an unanswered packet is lost. Default 3 s.</summary>
    public TimeSpan Tmax { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>STAMP session identifier (RFC 8972). Default 1.</summary>
    public ushort Ssid { get; init; } = 1;

    /// <summary>Use kernel receive timestamps for T4 when available. Default true.</summary>
    public bool KernelTimestamps { get; init; } = true;
}
