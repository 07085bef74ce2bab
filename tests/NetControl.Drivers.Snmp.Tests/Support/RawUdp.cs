using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>
/// Sends a UDP datagram over IPv4 loopback with a UDP header we write ourselves (a raw socket: needs root or
/// CAP_NET_RAW), so that it can carry what a normal socket cannot, such as source port 0.
/// </summary>
internal static class RawUdp
{
    /// <summary>True when raw sockets can be opened (root, as the test runs in CI and in the container).</summary>
    public static bool Available()
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Sends <paramref name="payload"/> to 127.0.0.1:<paramref name="destinationPort"/> from 127.0.0.1:<paramref name="sourcePort"/> (checksum 0: none, allowed over IPv4).</summary>
    public static void Send(int sourcePort, int destinationPort, ReadOnlySpan<byte> payload)
    {
        var packet = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(0), (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)packet.Length);
        payload.CopyTo(packet.AsSpan(8));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp);
        socket.SendTo(packet, new IPEndPoint(IPAddress.Loopback, 0));
    }
}
