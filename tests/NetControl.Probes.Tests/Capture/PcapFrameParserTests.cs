using System.Net;
using System.Net.NetworkInformation;
using NetControl.Probes.Capture;
using PacketDotNet;

namespace NetControl.Probes.Tests.Capture;

/// <summary>Reading datagram keys out of captured frames (<see cref="UdpFrameParser"/>, <see cref="DatagramKey"/>).</summary>
public sealed class PcapFrameParserTests
{
    private static readonly PhysicalAddress Mac = new(new byte[6]);
    private static readonly byte[] Payload = [.. "NCBW"u8, 1, 1, 0, 0, 0, 0, 0, 7, 0, 0, 0, 42, .. new byte[84]];

    [Fact]
    public void TryRead_EthernetIpv4Udp_KeyMatchesTheSocketSide()
    {
        byte[] frame = Ethernet(IPAddress.Parse("10.0.0.1"), 4321, Payload);

        Assert.True(UdpFrameParser.TryRead(LinkLayers.Ethernet, frame, out var key));
        Assert.Equal(DatagramKey.Create(IPAddress.Parse("10.0.0.1"), 4321, Payload.Length, Payload), key);
    }

    [Fact]
    public void TryRead_FrameCutBySnaplen_KeepsFullLengthAndPrefix()
    {
        byte[] frame = Ethernet(IPAddress.Parse("10.0.0.1"), 4321, Payload)[..(14 + 20 + 8 + 20)];

        Assert.True(UdpFrameParser.TryRead(LinkLayers.Ethernet, frame, out var key));
        Assert.Equal(DatagramKey.Create(IPAddress.Parse("10.0.0.1"), 4321, Payload.Length, Payload), key);
    }

    [Fact]
    public void TryRead_NotUdp_False()
    {
        var tcp = new TcpPacket(1, 2);
        var ip = new IPv4Packet(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")) { PayloadPacket = tcp };
        var ethernet = new EthernetPacket(Mac, Mac, EthernetType.IPv4) { PayloadPacket = ip };

        Assert.False(UdpFrameParser.TryRead(LinkLayers.Ethernet, ethernet.Bytes, out _));
    }

    [Fact]
    public void WarmUp_SampleFrame_Parses()
    {
        Assert.True(UdpFrameParser.WarmUp());
    }

    [Fact]
    public void TryRead_Garbage_False()
    {
        Assert.False(UdpFrameParser.TryRead(LinkLayers.Ethernet, [1, 2, 3], out _));
    }

    [Fact]
    public void Create_Ipv4AndMappedIpv6_SameKey()
    {
        var v4 = DatagramKey.Create(IPAddress.Parse("192.0.2.1"), 1, 3, [1, 2, 3]);
        var mapped = DatagramKey.Create(IPAddress.Parse("::ffff:192.0.2.1"), 1, 3, [1, 2, 3]);

        Assert.Equal(v4, mapped);
    }

    [Fact]
    public void Create_DifferentSequenceInPrefix_DifferentKeys()
    {
        byte[] other = [.. Payload];
        other[15] = 43;

        Assert.NotEqual(DatagramKey.Create(IPAddress.Loopback, 1, Payload.Length, Payload), DatagramKey.Create(IPAddress.Loopback, 1, other.Length, other));
    }

    [Fact]
    public void Create_BytesBeyondLength_Ignored()
    {
        Assert.Equal(DatagramKey.Create(IPAddress.Loopback, 1, 2, [1, 2, 9, 9]), DatagramKey.Create(IPAddress.Loopback, 1, 2, [1, 2]));
    }

    private static byte[] Ethernet(IPAddress source, ushort port, byte[] payload)
    {
        var udp = new UdpPacket(port, 9000) { PayloadData = payload };
        var ip = new IPv4Packet(source, IPAddress.Parse("10.0.0.2")) { PayloadPacket = udp };
        var ethernet = new EthernetPacket(Mac, Mac, EthernetType.IPv4) { PayloadPacket = ip };
        udp.UpdateCalculatedValues();
        ip.UpdateCalculatedValues();
        return ethernet.Bytes;
    }
}
