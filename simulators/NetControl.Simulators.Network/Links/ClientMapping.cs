using System.Net;
using System.Net.Sockets;

namespace NetControl.Simulators.Network.Links;

/// <summary>A NAT entry of a relay: one client endpoint and the outside socket its datagrams leave from (replies to it come back to that client).</summary>
internal sealed class ClientMapping
{
    public ClientMapping(SocketAddress client, IPEndPoint clientEndPoint, Socket outside)
    {
        Client = client;
        ClientEndPoint = clientEndPoint;
        Outside = outside;
    }

    public SocketAddress Client { get; }

    public IPEndPoint ClientEndPoint { get; }

    public Socket Outside { get; }

    public Thread? Receiver { get; set; }
}
