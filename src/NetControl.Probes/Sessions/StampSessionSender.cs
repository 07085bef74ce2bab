using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Probes.Stamp;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Sessions;

/// <summary>
/// A STAMP Session-Sender (RFC 8762, unauthenticated, stateless-reflector compatible): sends a test packet to the
/// target every <see cref="StampSessionSenderOptions.Interval"/>, matches replies by sender sequence number and T1, and
/// yields one <see cref="StampIntervalSummary"/> per reporting interval (loss, duplicates, reordering, RTT min/median/
/// p95/max, RFC 3550 jitter, IPDV, PDV). Clocks: T1 is read from <see cref="RealtimeClock"/> (CLOCK_REALTIME on Linux)
/// just before the send call, and T4 is the kernel SO_TIMESTAMPNS stamp (also CLOCK_REALTIME) when available, else
/// <see cref="RealtimeClock"/> when recvmsg returns: T1 and T4 are always on the same clock. Sending cadence, reporting
/// intervals and Tmax run on the injected <see cref="TimeProvider"/>. The socket is bound in the constructor.
/// </summary>
public sealed class StampSessionSender : IAsyncDisposable
{
    private readonly StampSessionSenderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly DatagramReceiver _receiver;
    private readonly StampSessionTracker _tracker;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _running;

    /// <summary>Validates the options, binds the socket and starts listening for replies.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="SocketException">The local endpoint cannot be bound.</exception>
    public StampSessionSender(StampSessionSenderOptions options, ILogger<StampSessionSender>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Target);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PacketSize, StampPacketLayout.BaseLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PacketSize, StampPacketLayout.MaxLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Interval, TimeSpan.Zero, nameof(options));
        if (options.Count is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Count must not be negative");
        }

        _options = options;
        _logger = logger ?? NullLogger<StampSessionSender>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        var local = options.LocalEndPoint ?? new IPEndPoint(options.Target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(local);
            _receiver = new DatagramReceiver(_socket, options.KernelTimestamps);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _tracker = new StampSessionTracker(_time, options.Tmax, options.ReportingInterval, _receiver.Clock);
        _loop = ReceiveLoop.Start(_receiver, OnDatagram, _logger, LocalEndPoint.ToString(), _stop.Token);
    }

    /// <summary>The bound local endpoint.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>The clock T4 is normally taken from.</summary>
    public ReceiveClock ReceiveClock => _receiver.Clock;

    /// <summary>Session totals.</summary>
    public StampSenderCounters Counters { get; } = new();

    /// <summary>
    /// Runs the session: sends the first packet at once and then every interval, yielding each reporting interval's
    /// summary once all its packets are resolved. With <see cref="StampSessionSenderOptions.Count"/> set, it stops
    /// sending after that many packets, waits until each is answered or past Tmax, yields the last summaries and ends;
    /// otherwise it runs until <paramref name="cancellationToken"/> is cancelled (then it throws
    /// <see cref="OperationCanceledException"/>). One run per sender.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session is already running or has run.</exception>
    public async IAsyncEnumerable<StampIntervalSummary> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("a STAMP session sender runs one session");
        }

        StampLog.SenderStarted(_logger, _options.Ssid, LocalEndPoint.ToString(), _options.Target.ToString(), _options.Interval, _options.PacketSize, _options.Tmax, _receiver.Clock);
        var packet = new byte[_options.PacketSize];
        using var timer = new PeriodicTimer(_options.Interval, _time);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_options.Count is not { } count || _tracker.Sent < count)
            {
                Send(packet);
            }

            foreach (var summary in _tracker.Poll())
            {
                yield return Logged(summary);
            }

            if (_options.Count is { } total && _tracker.Sent >= total && !_tracker.HasOutstanding)
            {
                foreach (var summary in _tracker.Complete())
                {
                    yield return Logged(summary);
                }

                yield break;
            }

            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private void Send(byte[] packet)
    {
        var t1 = RealtimeClock.Now();
        var sequence = _tracker.RegisterSent(t1);
        new StampSenderPacket(sequence, t1, _options.ErrorEstimate, _options.Ssid).Encode(packet);
        Counters.CountSent();
        try
        {
            _socket.SendTo(packet, SocketFlags.None, _options.Target);
        }
        catch (SocketException ex)
        {
            // The packet stays registered: unanswered, it is lost after Tmax like any other.
            Counters.CountSendError();
            StampLog.SendFailed(_logger, _options.Target.ToString(), ex.SocketErrorCode.ToString());
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> data, in ReceivedDatagram datagram)
    {
        if (!datagram.Remote.Equals(_options.Target))
        {
            Counters.CountIgnored();
            StampLog.ReplyIgnored(_logger, datagram.Remote.ToString(), "not from the target");
            return;
        }

        if (!StampReflectorPacket.TryDecode(data, out var reply, out var error))
        {
            Counters.CountMalformed();
            StampLog.Malformed(_logger, datagram.Remote.ToString(), error!);
            return;
        }

        if (reply.Ssid != _options.Ssid)
        {
            Counters.CountIgnored();
            StampLog.ReplyIgnored(_logger, datagram.Remote.ToString(), $"SSID {reply.Ssid}");
            return;
        }

        var outcome = _tracker.OnReply(reply, datagram.ReceivedAtUnixNanoseconds, datagram.Clock);
        Counters.Count(outcome);
        if (outcome == ReplyOutcome.Unknown)
        {
            StampLog.ReplyIgnored(_logger, datagram.Remote.ToString(), $"unknown sequence number {reply.SenderSequenceNumber}");
        }
    }

    private StampIntervalSummary Logged(StampIntervalSummary summary)
    {
        StampLog.Interval(_logger, _options.Ssid, summary.Sent, summary.Received, summary.Lost, summary.LossRatio, summary.Rtt?.Median, summary.Jitter, summary.Clock);
        return summary;
    }
}
