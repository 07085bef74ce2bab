using System.Net.Sockets;
using System.Runtime.CompilerServices;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Stamps stream datagrams with the kernel's receive time (SO_TIMESTAMPNS through <c>recvmsg</c>, see
/// <see cref="DatagramReceiver"/>): the moment the packet reached the socket, free of the receiving thread's wake-up
/// latency, so queueing trends near the available bandwidth stay sharp under CPU load. Timestamps are given on the
/// monotonic clock of <see cref="StopwatchReceiveTimestampSource"/> (the stamp's age carried over), so one-way delays
/// against the sender's monotonic send times keep their meaning. Where the kernel refuses
/// (not Linux, or the option is denied) it falls back to a user-space stamp and <see cref="ClockFor"/> says so.
/// </summary>
public sealed class KernelReceiveTimestampSource : IReceiveTimestampSource
{
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(250);
    private readonly ConditionalWeakTable<Socket, DatagramReceiver> _receivers = [];

    /// <summary>Shared instance (per-socket state is kept per socket).</summary>
    public static KernelReceiveTimestampSource Instance { get; } = new();

    /// <summary>Kernel timestamps, as asked; the clock a given socket really gets is <see cref="ClockFor"/>.</summary>
    public ReceiveTimestampClock Clock => ReceiveTimestampClock.KernelSoTimestampNs;

    /// <summary>The clock <paramref name="socket"/> is stamped with once configured (user space when the kernel refused).</summary>
    public ReceiveTimestampClock ClockFor(Socket socket) =>
        _receivers.TryGetValue(socket, out var receiver) && receiver.KernelTimestamps ? ReceiveTimestampClock.KernelSoTimestampNs : ReceiveTimestampClock.UserSpaceStopwatch;

    /// <inheritdoc />
    public void Configure(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _receivers.AddOrUpdate(socket, new DatagramReceiver(socket, kernelTimestamps: true));
    }

    /// <inheritdoc />
    public TimestampedReceive Receive(Socket socket, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!_receivers.TryGetValue(socket, out var receiver))
        {
            throw new InvalidOperationException("Configure the socket before receiving on it");
        }

        while (true)
        {
            ObjectDisposedException.ThrowIf(socket.SafeHandle.IsClosed, socket);
            if (receiver.TryReceive(buffer, PollSlice, out var datagram))
            {
                // The kernel stamps on the realtime clock, senders on the monotonic one: carry the packet's age (how
                // long it waited in the socket before this thread read it) over to the monotonic clock.
                long age = RealtimeClock.AgeNanoseconds(datagram.ReceivedAtUnixNanoseconds);
                return new TimestampedReceive(datagram.Length, datagram.Remote, MonotonicClock.NowNanoseconds() - age);
            }
        }
    }
}
