using System.Net;
using System.Net.Sockets;
using NetControl.Simulators.Network.Links;

namespace NetControl.Simulators.Network.Timing;

/// <summary>A datagram waiting for its release time: a rented buffer, the socket to send it from and where to.</summary>
internal readonly record struct PendingDatagram(
    byte[] Buffer,
    int Length,
    Socket From,
    SocketAddress To,
    DirectionPipeline Direction,
    long DueTick);
