using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>
/// Receives SNMPv2c traps and informs (each inform is acknowledged with a Response) and SNMPv3 traps (USM, the
/// sender authoritative: keys are localized to the sender's engine id, its boots and time tracked per engine) on one
/// UDP socket, and delivers them as <see cref="SnmpNotification"/>s. Anything malformed, from an unknown community or
/// user, badly signed or stale is dropped, counted in <see cref="Counters"/> and logged; an inform acknowledgement
/// that cannot be sent is counted and logged; the receive loop never stops on bad input or on a failure handling one
/// datagram. Every reader of <see cref="Subscribe"/> sees every notification; <see cref="Notifications"/> is one
/// shared queue for a single owner.
/// </summary>
public sealed partial class SnmpTrapReceiver : IAsyncDisposable
{
    private readonly SnmpTrapReceiverOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Socket _socket;
    private readonly Channel<SnmpNotification> _notifications;
    private readonly Dictionary<string, UsmUser> _users;
    private readonly ConcurrentDictionary<(string, string), UsmLocalizedKeys> _keys = new();
    private readonly ConcurrentDictionary<string, UsmTimeWindow> _windows = new();
    private readonly Lock _subscribersLock = new();
    private ImmutableArray<SnmpNotificationSubscription> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SnmpTrapReceiver(SnmpTrapReceiverOptions? options = null, ILogger<SnmpTrapReceiver>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new SnmpTrapReceiverOptions();
        _logger = logger ?? NullLogger<SnmpTrapReceiver>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _users = _options.Users.ToDictionary(u => u.Name, StringComparer.Ordinal);
        _notifications = Channel.CreateBounded<SnmpNotification>(new BoundedChannelOptions(Math.Max(1, _options.Capacity)) { FullMode = BoundedChannelFullMode.DropOldest });
        _socket = new Socket(_options.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(_options.EndPoint);
        _loop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Where it listens (with the actual port when 0 was asked).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public SnmpReceiverCounters Counters { get; } = new();

    /// <summary>
    /// One queue of every notification, for a receiver with a single reader (two readers would split them between
    /// them: use <see cref="Subscribe"/> for each instead).
    /// </summary>
    public ChannelReader<SnmpNotification> Notifications => _notifications.Reader;

    /// <summary>
    /// A new subscriber that gets every notification delivered from now on, independently of other subscribers and of
    /// <see cref="Notifications"/>; <paramref name="capacity"/> (default <see cref="SnmpTrapReceiverOptions.Capacity"/>)
    /// bounds what it buffers, dropping the oldest.
    /// </summary>
    public SnmpNotificationSubscription Subscribe(int? capacity = null)
    {
        var subscription = new SnmpNotificationSubscription(capacity ?? _options.Capacity, Unsubscribe);
        lock (_subscribersLock)
        {
            _subscribers = _subscribers.Add(subscription);
            if (_stop.IsCancellationRequested)
            {
                subscription.Complete();
            }
        }

        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _notifications.Writer.TryComplete();
        lock (_subscribersLock)
        {
            foreach (var subscription in _subscribers)
            {
                subscription.Complete();
            }
        }

        _stop.Dispose();
    }

    private void Unsubscribe(SnmpNotificationSubscription subscription)
    {
        lock (_subscribersLock)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(_options.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            Counters.CountReceived();
            var source = (IPEndPoint)received.RemoteEndPoint;
            try
            {
                await HandleAsync(buffer.AsMemory(0, received.ReceivedBytes), source).ConfigureAwait(false);
            }
            catch (SnmpDecodeException ex)
            {
                Drop(source, SnmpDropReason.Malformed, ex.Message);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.Security.Cryptography.CryptographicException or FormatException)
            {
                // Defence in depth: whatever a hostile datagram triggers stays here.
                Drop(source, SnmpDropReason.Malformed, ex.Message);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failure handling one datagram (a bug, a socket error) must not stop the receiver.
                Counters.Count(SnmpDropReason.HandlerFailed);
                LogHandlerFailed(source.ToString(), ex);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        if (SnmpCodec.PeekVersion(datagram.Span) == SnmpVersion.V2c)
        {
            await HandleV2cAsync(SnmpCodec.DecodeV2c(datagram.Span), source).ConfigureAwait(false);
        }
        else
        {
            HandleV3(datagram.Span, source);
        }
    }

    private async Task HandleV2cAsync(SnmpV2cMessage message, IPEndPoint source)
    {
        if (!_options.Communities.Contains(message.Community))
        {
            Drop(source, SnmpDropReason.BadCommunity, $"community '{LogText.Printable(message.Community)}' is not accepted");
            return;
        }

        var pdu = message.Pdu;
        if (pdu.Type is not (PduType.SnmpV2Trap or PduType.InformRequest))
        {
            Drop(source, SnmpDropReason.UnexpectedPdu, $"{pdu.Type} is not a notification");
            return;
        }

        if (!TryRead(pdu, source, SnmpVersion.V2c, message.Community, [], out var notification))
        {
            return;
        }

        if (pdu.Type == PduType.InformRequest)
        {
            await AcknowledgeAsync(message.Community, pdu, source).ConfigureAwait(false);
        }

        Deliver(notification);
    }

    /// <summary>Answers an inform with a Response; a send that fails (e.g. EINVAL for source port 0) is counted and logged, and the inform still delivered.</summary>
    private async Task AcknowledgeAsync(string community, SnmpPdu inform, IPEndPoint source)
    {
        var ack = new SnmpPdu(PduType.Response, inform.RequestId, SnmpErrorStatus.NoError, 0, inform.VarBinds);
        try
        {
            await _socket.SendToAsync(SnmpCodec.Encode(new SnmpV2cMessage(community, ack)), SocketFlags.None, source, _stop.Token).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            Counters.CountAckFailure();
            LogAckFailed(source.ToString(), inform.RequestId, ex.SocketErrorCode, ex.Message);
        }
    }

    private void HandleV3(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        // The sender is authoritative for traps: the engine id it sends selects the localized keys.
        var message = SnmpV3Codec.DecodeByParameters(datagram, security => KeysFor(security.UserName, security.EngineId), out var check);
        var security = message.Security;
        switch (check)
        {
            case UsmCheck.Ok:
                break;
            case UsmCheck.UnknownUser:
                Drop(source, SnmpDropReason.UnknownUser, $"SNMPv3 user '{LogText.Printable(security.UserName)}' is not configured");
                return;
            case UsmCheck.WrongDigest:
                Drop(source, SnmpDropReason.WrongDigest, $"SNMPv3 user '{LogText.Printable(security.UserName)}': wrong digest");
                return;
            case UsmCheck.DecryptionError:
                Drop(source, SnmpDropReason.DecryptionError, $"SNMPv3 user '{LogText.Printable(security.UserName)}': the scoped PDU does not decrypt");
                return;
            case UsmCheck.UnsupportedSecurityLevel:
                Drop(source, SnmpDropReason.UnsupportedSecurityLevel, $"SNMPv3 user '{LogText.Printable(security.UserName)}': security level {message.Flags} not supported by the user's protocols");
                return;
            default:
                throw new InvalidOperationException($"unhandled USM check {check}");
        }

        var configured = _users[security.UserName];
        if ((configured.Auth != SnmpAuthProtocol.None && !message.Flags.HasFlag(V3Flags.Auth))
            || (configured.Priv != SnmpPrivProtocol.None && !message.Flags.HasFlag(V3Flags.Priv)))
        {
            // USM would accept a lower level than the user's; a receiver configured for authPriv must not.
            Drop(source, SnmpDropReason.BelowConfiguredSecurityLevel, $"SNMPv3 user '{LogText.Printable(security.UserName)}': security level {message.Flags} below the configured one");
            return;
        }

        if (message.Pdu is not { } scoped || scoped.Pdu.Type != PduType.SnmpV2Trap)
        {
            Drop(source, SnmpDropReason.UnexpectedPdu, $"SNMPv3 {message.Pdu?.Pdu.Type.ToString() ?? "encrypted PDU"} is not a trap (v3 informs are not supported)");
            return;
        }

        if (message.Flags.HasFlag(V3Flags.Auth))
        {
            var window = _windows.GetOrAdd(Convert.ToHexString(security.EngineId.AsSpan()), _ => new UsmTimeWindow(_time));
            // RFC 3414 3.2.7.b: learn the newer clock first, then reject what is older than the window.
            window.Update(security.EngineBoots, security.EngineTime);
            if (!window.IsInWindow(security.EngineBoots, security.EngineTime))
            {
                Drop(source, SnmpDropReason.NotInTimeWindow, $"SNMPv3 trap from engine {Convert.ToHexString(security.EngineId.AsSpan())}: boots {security.EngineBoots}, time {security.EngineTime} outside the window");
                return;
            }
        }

        if (TryRead(scoped.Pdu, source, SnmpVersion.V3, security.UserName, security.EngineId, out var notification))
        {
            Deliver(notification);
        }
    }

    /// <summary>Keys of a configured user localized to the engine id of the message being decoded.</summary>
    private UsmLocalizedKeys? KeysFor(string userName, ImmutableArray<byte> engineId)
    {
        if (!_users.TryGetValue(userName, out var user))
        {
            return null;
        }

        return _keys.GetOrAdd((userName, Convert.ToHexString(engineId.AsSpan())), _ => UsmLocalizedKeys.Create(user, engineId.AsSpan()));
    }

    /// <summary>A notification needs sysUpTime.0 then snmpTrapOID.0 first (RFC 3416 4.2.6).</summary>
    private bool TryRead(SnmpPdu pdu, IPEndPoint source, SnmpVersion version, string principal, ImmutableArray<byte> engineId, out SnmpNotification notification)
    {
        notification = null!;
        var vbs = pdu.VarBinds;
        if (vbs.Length < 2
            || vbs[0].Oid != WellKnownOids.SysUpTime || vbs[0].Value.Type != SnmpValueType.TimeTicks
            || vbs[1].Oid != WellKnownOids.SnmpTrapOid || vbs[1].Value.Type != SnmpValueType.ObjectIdentifier)
        {
            Drop(source, SnmpDropReason.Malformed, "a notification must start with sysUpTime.0 and snmpTrapOID.0");
            return false;
        }

        notification = new SnmpNotification(source, version, principal, engineId, pdu.Type == PduType.InformRequest, vbs[0].Value.AsUInt32(), vbs[1].Value.AsOid(), vbs[2..]);
        return true;
    }

    private void Deliver(SnmpNotification notification)
    {
        LogReceived(notification.Source.ToString(), notification.TrapOid, notification.Principal);
        _notifications.Writer.TryWrite(notification);
        foreach (var subscription in _subscribers)
        {
            subscription.Write(notification);
        }
    }

    private void Drop(IPEndPoint source, SnmpDropReason reason, string detail)
    {
        Counters.Count(reason);
        LogDropped(source.ToString(), reason, detail);
    }

    [LoggerMessage(3500, LogLevel.Debug, "notification {TrapOid} from {Source} ({Principal})")]
    private partial void LogReceived(string source, string trapOid, string principal);

    [LoggerMessage(3501, LogLevel.Warning, "SNMP datagram from {Source} dropped ({Reason}): {Detail}")]
    private partial void LogDropped(string source, SnmpDropReason reason, string detail);

    [LoggerMessage(3502, LogLevel.Warning, "SNMP inform {RequestId} from {Source}: the acknowledgement could not be sent ({Error}: {Detail})")]
    private partial void LogAckFailed(string source, int requestId, SocketError error, string detail);

    [LoggerMessage(3503, LogLevel.Error, "SNMP datagram from {Source} dropped (HandlerFailed): handling it failed")]
    private partial void LogHandlerFailed(string source, Exception exception);
}
