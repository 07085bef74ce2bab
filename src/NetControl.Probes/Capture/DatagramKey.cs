using System.Buffers.Binary;
using System.Net;

namespace NetControl.Probes.Capture;

/// <summary>
/// Identifies a UDP datagram seen both by a capture and by the socket that received it: the sender, the payload length
/// and the first <see cref="PrefixLength"/> payload bytes (in the bandwidth stream protocol they hold the stream and
/// sequence numbers, so every probe of a stream has its own key). Byte-identical datagrams from one sender share a key.
/// </summary>
internal readonly record struct DatagramKey(UInt128 Address, int Port, int Length, UInt128 Prefix)
{
    /// <summary>Payload bytes that take part in the key.</summary>
    public const int PrefixLength = 16;

    /// <summary>The key of a datagram of <paramref name="length"/> bytes from <paramref name="address"/>:<paramref name="port"/> whose payload starts with <paramref name="payload"/>.</summary>
    public static DatagramKey Create(IPAddress address, int port, int length, ReadOnlySpan<byte> payload)
    {
        Span<byte> bytes = stackalloc byte[16];
        var mapped = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address;
        mapped.TryWriteBytes(bytes, out _);
        var addressValue = BinaryPrimitives.ReadUInt128BigEndian(bytes);

        bytes.Clear();
        payload[..Math.Min(Math.Min(payload.Length, length), PrefixLength)].CopyTo(bytes);
        return new DatagramKey(addressValue, port, length, BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }
}
