using System.Net;
using System.Net.Sockets;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>Free UDP ports on 127.0.0.1 for daemons that must be told their port.</summary>
internal static class LoopbackUdp
{
    /// <summary>
    /// A UDP port on 127.0.0.1 that was free a moment ago (the system picks it; it is released before returning, so a
    /// daemon started at once almost always gets it; callers retry with a new port when it does not).
    /// </summary>
    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
