using PacketDotNet;

namespace NetControl.Probes.Capture;

/// <summary>
/// Reads the <see cref="DatagramKey"/> of a captured frame with PacketDotNet, whatever the link layer (Ethernet, as
/// Linux's loopback presents itself; Linux cooked capture from the <c>any</c> device; BSD loopback; raw IP). The payload
/// length comes from the UDP header, so frames cut short by the snap length still yield their full length.
/// </summary>
internal static class UdpFrameParser
{
    private const int UdpHeaderLength = 8;

    /// <summary>Ethernet, IPv4 (127.0.0.1 to 127.0.0.1, no checksum) and UDP (port 9 to 9) headers with an 8-byte payload.</summary>
    private static readonly byte[] SampleFrame =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00,
        0x45, 0, 0, 36, 0, 0, 0x40, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1,
        0, 9, 0, 9, 0, 16, 0, 0,
        1, 2, 3, 4, 5, 6, 7, 8,
    ];

    /// <summary>
    /// Parses a sample frame so PacketDotNet's parsing path is compiled before the first captured packet: otherwise
    /// the capture thread falls milliseconds behind on the first datagrams and the receiving side gives up on them.
    /// True when the sample parsed.
    /// </summary>
    public static bool WarmUp() => TryRead(LinkLayers.Ethernet, SampleFrame, out _);

    /// <summary>The key of the UDP datagram in <paramref name="frame"/>; false when the frame holds none or is malformed.</summary>
    public static bool TryRead(LinkLayers linkLayer, byte[] frame, out DatagramKey key)
    {
        key = default;
        UdpPacket? udp;
        try
        {
            udp = Packet.ParsePacket(linkLayer, frame).Extract<UdpPacket>();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PacketDotNet reports truncated, malformed or unknown frames with assorted exception types; such a frame
            // identifies nothing, and a frame off the wire must never end the capture thread.
            return false;
        }

        if (udp?.ParentPacket is not IPPacket ip || udp.Length < UdpHeaderLength)
        {
            return false;
        }

        int length = udp.Length - UdpHeaderLength;
        var payload = udp.PayloadDataSegment is { } segment
            ? segment.Bytes.AsSpan(segment.Offset, Math.Clamp(segment.Length, 0, segment.Bytes.Length - segment.Offset))
            : [];
        key = DatagramKey.Create(ip.SourceAddress, udp.SourcePort, length, payload);
        return true;
    }
}
