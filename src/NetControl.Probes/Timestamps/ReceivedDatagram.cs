using System.Net;

namespace NetControl.Probes.Timestamps;

/// <summary>One datagram taken from a socket by a <see cref="DatagramReceiver"/>.</summary>
/// <param name="Length">Bytes written into the caller's buffer.</param>
/// <param name="Remote">Who sent it.</param>
/// <param name="ReceivedAtUnixNanoseconds">Receive time on CLOCK_REALTIME (see <see cref="RealtimeClock"/>), nanoseconds since the Unix epoch.</param>
/// <param name="Clock">Where the receive time came from.</param>
/// <param name="Ttl">IPv4 TTL or IPv6 hop limit as received, when the kernel reported it.</param>
public readonly record struct ReceivedDatagram(int Length, IPEndPoint Remote, long ReceivedAtUnixNanoseconds, ReceiveClock Clock, byte? Ttl);
