using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Capture;

namespace NetControl.Probes.Tests.Capture;

/// <summary>Loopback sockets and captures for the pcap tests; a capture that cannot open fails the test with the reason.</summary>
internal static class PcapTestSupport
{
    public static Socket BoundLoopback()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    public static UdpCapture OpenCapture(Socket socket, UdpCaptureOptions? options = null)
    {
        bool opened = UdpCapture.TryOpen((IPEndPoint)socket.LocalEndPoint!, options, out var capture, out var failure);
        Assert.True(opened, $"pcap capture on loopback did not open; these tests need libpcap and root (or CAP_NET_RAW): {failure}");
        return capture!;
    }
}
