using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Probes.Stamp;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Sessions;

/// <summary>
/// A stateless STAMP Session-Reflector (RFC 8762 section 4.3, unauthenticated; answers TWAMP-Light senders too) on one
/// UDP socket. Each test packet is answered to its source with the sender's sequence number copied, T2 the receive
/// time (kernel SO_TIMESTAMPNS when available), T3 read just before sending, the SSID, T1 and error estimate echoed,
/// the sender TTL as received (IP_RECVTTL on Linux; 255 when the platform cannot report it) and a reply as long as
/// the request (padding is zeroed). Datagrams shorter than 44 bytes are counted, logged and dropped; the loop never
/// stops on bad input. Listening starts in the constructor.
/// </summary>
public sealed class StampReflector : IAsyncDisposable
{
    /// <summary>The sender TTL reported when the kernel does not give it.</summary>
    public const byte UnknownTtl = 255;

    private readonly StampReflectorOptions _options;
    private readonly ILogger _logger;
    private readonly Socket _socket;
    private readonly DatagramReceiver _receiver;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly byte[] _reply = new byte[65_536];

    /// <summary>Binds the socket and starts reflecting.</summary>
    /// <exception cref="SocketException">The endpoint cannot be bound.</exception>
    public StampReflector(StampReflectorOptions? options = null, ILogger<StampReflector>? logger = null)
    {
        _options = options ?? new StampReflectorOptions();
        _logger = logger ?? NullLogger<StampReflector>.Instance;
        _socket = new Socket(_options.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(_options.EndPoint);
            _receiver = new DatagramReceiver(_socket, _options.KernelTimestamps, receiveTtl: true);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        StampLog.ReflectorStarted(_logger, LocalEndPoint.ToString(), _receiver.Clock, _receiver.ReceivesTtl ? "from the kernel" : "unknown, 255 reported");
        _loop = ReceiveLoop.Start(_receiver, Reflect, _logger, LocalEndPoint.ToString(), _stop.Token);
    }

    /// <summary>Where it listens (with the actual port when 0 was asked).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>The clock T2 is normally taken from.</summary>
    public ReceiveClock ReceiveClock => _receiver.Clock;

    /// <summary>True when the sender TTL is read from the kernel rather than reported as 255.</summary>
    public bool ReportsTtl => _receiver.ReceivesTtl;

    /// <summary>Received, reflected and dropped datagrams.</summary>
    public StampReflectorCounters Counters { get; } = new();

    /// <summary>Stops the loop and closes the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stop.Dispose();
    }

    private void Reflect(ReadOnlySpan<byte> data, in ReceivedDatagram datagram)
    {
        Counters.CountReceived();
        if (!StampSenderPacket.TryDecode(data, out var request, out var error))
        {
            Counters.CountMalformed();
            StampLog.Malformed(_logger, datagram.Remote.ToString(), error!);
            return;
        }

        var reply = new StampReflectorPacket(
            request.SequenceNumber,
            default,
            _options.ErrorEstimate,
            request.Ssid,
            NtpTimestamp.FromUnixNanoseconds(datagram.ReceivedAtUnixNanoseconds),
            request.SequenceNumber,
            request.Timestamp,
            request.ErrorEstimate,
            datagram.Ttl ?? UnknownTtl);
        var buffer = _reply.AsSpan(0, Math.Max(data.Length, StampPacketLayout.BaseLength));
        reply.Encode(buffer);

        // T3 as late as possible: patched into the encoded packet just before it goes out.
        RealtimeClock.Now().WriteTo(buffer[4..]);
        try
        {
            _socket.SendTo(buffer, SocketFlags.None, datagram.Remote);
            Counters.CountReflected();
        }
        catch (SocketException ex)
        {
            Counters.CountSendError();
            StampLog.SendFailed(_logger, datagram.Remote.ToString(), ex.SocketErrorCode.ToString());
        }
    }
}
