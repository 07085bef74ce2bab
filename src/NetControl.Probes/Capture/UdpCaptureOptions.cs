namespace NetControl.Probes.Capture;

/// <summary>How a <see cref="UdpCapture"/> opens its pcap device and how long it remembers what it captured.</summary>
public sealed record UdpCaptureOptions
{
    /// <summary>
    /// The pcap device to capture on; null to pick it from the local address (the loopback device for a loopback
    /// address, the device holding the address otherwise, Linux's <c>any</c> for an unspecified address).
    /// </summary>
    public string? DeviceName { get; init; }

    /// <summary>How long a captured datagram's timestamp waits to be claimed before it is forgotten.</summary>
    public TimeSpan EntryLifetime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most timestamps kept at once; the oldest go first beyond it.</summary>
    public int MaxEntries { get; init; } = 65_536;

    /// <summary>Bytes captured per frame: enough for the link, IP and UDP headers and the payload prefix that identifies a datagram.</summary>
    public int Snaplen { get; init; } = 256;

    /// <summary>Kernel capture buffer in bytes (packets arriving while the capture thread is descheduled wait here).</summary>
    public int BufferSize { get; init; } = 4 << 20;
}
