using System.Net;
using System.Net.Sockets;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Takes one datagram from a socket and says when it arrived. The default,
/// <see cref="StopwatchReceiveTimestampSource"/>, reads the Stopwatch after a blocking receive returns; a
/// kernel source enables SO_TIMESTAMPNS in <see cref="Configure"/> and reads the timestamp from the control
/// message of recvmsg. Timestamps are nanoseconds on the source's own clock: only differences within a stream
/// are used, so any epoch will do as long as the clock does not jump during a stream.
/// </summary>
public interface IReceiveTimestampSource
{
    /// <summary>The clock the timestamps come from.</summary>
    ReceiveTimestampClock Clock { get; }

    /// <summary>Prepares a freshly bound socket (e.g. sets socket options); called once before the first receive.</summary>
    void Configure(Socket socket);

    /// <summary>Blocks until a datagram arrives, copies it into <paramref name="buffer"/> and stamps it; throws <see cref="SocketException"/> or <see cref="ObjectDisposedException"/> when the socket closes.</summary>
    TimestampedReceive Receive(Socket socket, Span<byte> buffer);
}

/// <summary>A received datagram: its length, sender and arrival time.</summary>
/// <param name="Length">Bytes written into the buffer.</param>
/// <param name="Remote">Sender.</param>
/// <param name="TimestampNanoseconds">Arrival time in nanoseconds on the source's clock.</param>
public readonly record struct TimestampedReceive(int Length, IPEndPoint Remote, long TimestampNanoseconds);
