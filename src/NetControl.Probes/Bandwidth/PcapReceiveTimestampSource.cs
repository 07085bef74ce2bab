using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using NetControl.Probes.Capture;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Stamps stream datagrams with their libpcap capture time (see <see cref="UdpCapture"/>): <see cref="Configure"/> opens
/// a capture for the socket's local endpoint; <see cref="Receive"/> reads the datagram from the socket as usual, then
/// claims its capture timestamp (waiting up to the match wait for the capture thread to catch up). Timestamps are given
/// on the monotonic clock of <see cref="StopwatchReceiveTimestampSource"/>, the capture's age carried over, so one-way
/// delays against the sender's monotonic send times keep their meaning. A socket whose capture could not open (no root,
/// no libpcap, no device) is stamped in user space and <see cref="ClockFor"/> and <see cref="FailureFor"/> say so; a
/// datagram the capture missed is stamped in user space too and counted in <see cref="Fallbacks"/>.
/// A socket's capture closes when a receive finds the socket closed, on <see cref="Release"/>, or on <see cref="Dispose"/>.
/// </summary>
public sealed class PcapReceiveTimestampSource : IReceiveTimestampSource, IDisposable
{
    /// <summary>Default longest wait for the capture thread to see a datagram the socket already delivered.</summary>
    public static readonly TimeSpan DefaultMatchWait = TimeSpan.FromMilliseconds(5);

    private readonly UdpCaptureOptions _options;
    private readonly TimeSpan _matchWait;
    private readonly ConditionalWeakTable<Socket, SocketCapture> _captures = [];
    private readonly List<SocketCapture> _open = [];
    private long _matched;
    private long _fallbacks;
    private volatile bool _anyUserSpace;
    private bool _disposed;

    /// <summary>Creates a source; nothing opens until <see cref="Configure"/>.</summary>
    /// <param name="options">Capture options; null for defaults.</param>
    /// <param name="matchWait">Longest wait for a datagram's capture timestamp; null for <see cref="DefaultMatchWait"/>.</param>
    public PcapReceiveTimestampSource(UdpCaptureOptions? options = null, TimeSpan? matchWait = null)
    {
        _options = options ?? new UdpCaptureOptions();
        _matchWait = matchWait ?? DefaultMatchWait;
        ArgumentOutOfRangeException.ThrowIfLessThan(_matchWait, TimeSpan.Zero, nameof(matchWait));
    }

    /// <summary>
    /// Pcap, unless a configured socket's capture could not open: then user space, the clock that socket really gets
    /// (a source serving sockets on mixed clocks names the weaker one). Per socket, see <see cref="ClockFor"/>.
    /// </summary>
    public ReceiveTimestampClock Clock => _anyUserSpace ? ReceiveTimestampClock.UserSpaceStopwatch : ReceiveTimestampClock.Pcap;

    /// <summary>Datagrams stamped with their capture time.</summary>
    public long Matched => Interlocked.Read(ref _matched);

    /// <summary>Datagrams stamped in user space on a socket with an open capture, because the capture did not see them in time.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>The clock <paramref name="socket"/> is stamped with once configured (user space when its capture could not open).</summary>
    public ReceiveTimestampClock ClockFor(Socket socket) =>
        _captures.TryGetValue(socket, out var entry) && entry.Capture is not null ? ReceiveTimestampClock.Pcap : ReceiveTimestampClock.UserSpaceStopwatch;

    /// <summary>Why <paramref name="socket"/>'s capture could not open; null when it opened or the socket is not configured.</summary>
    public string? FailureFor(Socket socket) => _captures.TryGetValue(socket, out var entry) ? entry.Failure : null;

    /// <summary>The capture serving <paramref name="socket"/>; null when it could not open or was released.</summary>
    public UdpCapture? CaptureFor(Socket socket) => _captures.TryGetValue(socket, out var entry) ? entry.Capture : null;

    /// <inheritdoc />
    public void Configure(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var local = socket.LocalEndPoint as IPEndPoint ?? throw new InvalidOperationException("Bind the socket before configuring it");
        SocketCapture entry = UdpCapture.TryOpen(local, _options, out var capture, out var failure)
            ? new SocketCapture(capture, null)
            : new SocketCapture(null, failure);
        lock (_open)
        {
            if (_disposed)
            {
                capture?.Dispose();
                throw new ObjectDisposedException(nameof(PcapReceiveTimestampSource));
            }

            if (_captures.TryGetValue(socket, out var previous))
            {
                Close(previous);
            }

            _captures.AddOrUpdate(socket, entry);
            _open.Add(entry);
            _anyUserSpace |= capture is null;
        }
    }

    /// <inheritdoc />
    public TimestampedReceive Receive(Socket socket, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!_captures.TryGetValue(socket, out var entry))
        {
            throw new InvalidOperationException("Configure the socket before receiving on it");
        }

        EndPoint from = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        int length;
        try
        {
            length = socket.ReceiveFrom(buffer, SocketFlags.None, ref from);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException && socket.SafeHandle.IsClosed)
        {
            Release(socket);
            throw;
        }

        long userSpace = MonotonicClock.NowNanoseconds();
        var remote = Normalize((IPEndPoint)from);
        var capture = entry.Capture;
        if (capture is null)
        {
            return new TimestampedReceive(length, remote, userSpace);
        }

        if (!capture.TryTakeTimestamp(remote, length, buffer[..Math.Min(length, buffer.Length)], _matchWait, out long captured))
        {
            Interlocked.Increment(ref _fallbacks);
            return new TimestampedReceive(length, remote, userSpace);
        }

        // Capture stamps are on the realtime clock, senders stamp on the monotonic one: carry the datagram's age over.
        long age = RealtimeClock.AgeNanoseconds(captured);
        long timestamp = MonotonicClock.NowNanoseconds() - age;
        Interlocked.Increment(ref _matched);
        return new TimestampedReceive(length, remote, timestamp);
    }

    /// <summary>Closes the capture of <paramref name="socket"/> (its later datagrams are stamped in user space).</summary>
    public void Release(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        lock (_open)
        {
            if (_captures.TryGetValue(socket, out var entry))
            {
                Close(entry);
            }
        }
    }

    /// <summary>Closes every capture this source opened.</summary>
    public void Dispose()
    {
        lock (_open)
        {
            _disposed = true;
            foreach (var entry in _open.ToArray())
            {
                Close(entry);
            }
        }
    }

    private void Close(SocketCapture entry)
    {
        entry.Capture?.Dispose();
        entry.Capture = null;
        _open.Remove(entry);
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private sealed class SocketCapture(UdpCapture? capture, string? failure)
    {
        public UdpCapture? Capture { get; set; } = capture;

        public string? Failure { get; } = failure;
    }
}
