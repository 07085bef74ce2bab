using System.Net;
using System.Net.Sockets;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Stamps a datagram with the Stopwatch (monotonic, nanoseconds) as soon as a blocking receive returns. It
/// includes the receiving thread's wake-up latency (microseconds to tens of microseconds, more under load),
/// which the trend tests' group medians absorb but which blurs rates near the available bandwidth.
/// </summary>
public sealed class StopwatchReceiveTimestampSource : IReceiveTimestampSource
{
    /// <summary>Shared instance (stateless).</summary>
    public static StopwatchReceiveTimestampSource Instance { get; } = new();

    /// <inheritdoc />
    public ReceiveTimestampClock Clock => ReceiveTimestampClock.UserSpaceStopwatch;

    /// <inheritdoc />
    public void Configure(Socket socket)
    {
    }

    /// <inheritdoc />
    public TimestampedReceive Receive(Socket socket, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(socket);
        EndPoint remote = socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        int length = socket.ReceiveFrom(buffer, SocketFlags.None, ref remote);
        long now = MonotonicClock.NowNanoseconds();
        return new TimestampedReceive(length, (IPEndPoint)remote, now);
    }
}
