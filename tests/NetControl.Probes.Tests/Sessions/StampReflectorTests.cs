using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Sessions;
using NetControl.Probes.Stamp;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Tests.Sessions;

public sealed class StampReflectorTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reflect_PaddedPacket_EchoesFieldsTtlAndSize()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        using var client = Client();
        client.Ttl = 77;
        var t1 = RealtimeClock.Now();
        var request = new byte[100];
        new StampSenderPacket(42, t1, ErrorEstimate.Default, 0xABCD).Encode(request);

        var reply = await ExchangeAsync(client, request, reflector.LocalEndPoint);

        Assert.Equal(100, reply.Length);
        Assert.True(StampReflectorPacket.TryDecode(reply, out var packet, out _, strict: true));
        Assert.Equal((42u, 42u, (ushort)0xABCD), (packet.SequenceNumber, packet.SenderSequenceNumber, packet.Ssid));
        Assert.Equal(t1, packet.SenderTimestamp);
        Assert.Equal(ErrorEstimate.Default, packet.SenderErrorEstimate);
        Assert.InRange(NtpTimestamp.DifferenceInNanoseconds(packet.Timestamp, packet.ReceiveTimestamp), 0, 1_000_000_000);
        Assert.Equal(reflector.ReportsTtl ? (byte)77 : StampReflector.UnknownTtl, packet.SenderTtl);
        Assert.Equal(OperatingSystem.IsLinux(), reflector.ReportsTtl);
    }

    [Fact]
    public async Task Reflect_ShortDatagram_CountsMalformedAndKeepsServing()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        using var client = Client();
        await client.SendToAsync(new byte[10], reflector.LocalEndPoint);
        var request = new byte[44];
        new StampSenderPacket(7, RealtimeClock.Now(), ErrorEstimate.Default, 1).Encode(request);

        var reply = await ExchangeAsync(client, request, reflector.LocalEndPoint);

        Assert.True(StampReflectorPacket.TryDecode(reply, out var packet, out _));
        Assert.Equal(7u, packet.SenderSequenceNumber);
        Assert.Equal(1, reflector.Counters.Malformed);
        Assert.Equal(2, reflector.Counters.Received);
        Assert.Equal(1, reflector.Counters.Reflected);
    }

    [Fact]
    public async Task LocalEndPoint_PortZero_IsTheEphemeralPort()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });

        Assert.NotEqual(0, reflector.LocalEndPoint.Port);
        Assert.Equal(IPAddress.Loopback, reflector.LocalEndPoint.Address);
    }

    private static Socket Client()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static async Task<byte[]> ExchangeAsync(Socket client, byte[] request, IPEndPoint reflector)
    {
        using var timeout = new CancellationTokenSource(Limit);
        await client.SendToAsync(request, reflector, timeout.Token);
        var buffer = new byte[65_536];
        var received = await client.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return buffer[..received.ReceivedBytes];
    }
}
