using System.Net;
using System.Net.Sockets;

namespace NetControl.Messaging.Tests.Support;

/// <summary>Unique free loopback TCP ports for tests (asks the kernel, never a fixed number).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
