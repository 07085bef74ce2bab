using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Simulators.Optical.Snmp.Notifications;

/// <summary>
/// Sends an agent's notifications to every <see cref="SnmpTrapTarget"/>, in the order they happened: v2c traps,
/// v2c informs (sent again every <see cref="SnmpAgentOptions.InformTimeout"/> with the same request-id until a
/// Response with that request-id arrives, at most <see cref="SnmpAgentOptions.InformRetries"/> more times), and v3
/// traps with the agent as authoritative engine. Datagrams leave through the agent's own socket, so an inform's
/// acknowledgment comes back to the agent's port (<see cref="Acknowledge"/>).
/// </summary>
internal sealed class NotificationSender : IAsyncDisposable
{
    private readonly AgentContext _agent;
    private readonly Func<byte[], IPEndPoint, CancellationToken, ValueTask> _send;
    private readonly ILogger _logger;
    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pendingInforms = new();
    private readonly ConcurrentDictionary<Task, byte> _informs = new();
    private readonly ConcurrentDictionary<SnmpTrapTarget, UsmLocalizedKeys> _keys = new();
    private readonly UsmSaltSource _salts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requestId;
    private int _messageId;

    public NotificationSender(AgentContext agent, Func<byte[], IPEndPoint, CancellationToken, ValueTask> send, ILogger logger)
    {
        _agent = agent;
        _send = send;
        _logger = logger;
        _loop = _agent.Options.TrapTargets.IsEmpty ? Task.CompletedTask : Task.Run(LoopAsync);
    }

    /// <summary>Queues the notification of <paramref name="change"/> for every target.</summary>
    public void Send(LinkChange change)
    {
        if (!_agent.Options.TrapTargets.IsEmpty)
        {
            _queue.Writer.TryWrite(Notification.Of(change));
        }
    }

    /// <summary>A Response with <paramref name="requestId"/> arrived: the inform it answers is acknowledged.</summary>
    public void Acknowledge(int requestId)
    {
        if (_pendingInforms.TryRemove(requestId, out var pending))
        {
            pending.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_informs.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                foreach (var target in _agent.Options.TrapTargets)
                {
                    await SendAsync(notification, target).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SendAsync(Notification notification, SnmpTrapTarget target)
    {
        try
        {
            var to = await ResolveAsync(target).ConfigureAwait(false);
            if (target.Inform && target.User is null)
            {
                int requestId = NextRequestId();
                var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _pendingInforms[requestId] = pending;
                byte[] datagram = SnmpCodec.Encode(new SnmpV2cMessage(target.Community, Pdu(PduType.InformRequest, requestId, notification)));
                var inform = InformAsync(notification, target, to, datagram, requestId, pending);
                _informs[inform] = 0;
                _ = inform.ContinueWith(t => _informs.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            }

            byte[] trap = target.User is { } user
                ? V3Trap(notification, target, user)
                : SnmpCodec.Encode(new SnmpV2cMessage(target.Community, Pdu(PduType.SnmpV2Trap, NextRequestId(), notification)));
            await _send(trap, to, _stop.Token).ConfigureAwait(false);
            _agent.Counters.Increment(SnmpCounter.TrapsSent);
            SnmpAgentLog.NotificationSent(_logger, _agent.Switch.Name, notification.Name, notification.IfIndex, target.ToString());
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or ObjectDisposedException or InvalidOperationException)
        {
            SnmpAgentLog.NotificationFailed(_logger, _agent.Switch.Name, notification.Name, target.ToString(), ex.Message);
        }
    }

    /// <summary>
    /// Sends the inform, then again after every timeout without acknowledgment. Each wait is armed before its
    /// transmission, so an acknowledgment can never arrive before anyone waits for it.
    /// </summary>
    private async Task InformAsync(Notification notification, SnmpTrapTarget target, IPEndPoint to, byte[] datagram, int requestId, TaskCompletionSource pending)
    {
        var options = _agent.Options;
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                var acknowledged = pending.Task.WaitAsync(options.InformTimeout, _agent.Time, _stop.Token);
                await _send(datagram, to, _stop.Token).ConfigureAwait(false);
                _agent.Counters.Increment(SnmpCounter.InformsSent);
                try
                {
                    await acknowledged.ConfigureAwait(false);
                    _agent.Counters.Increment(SnmpCounter.InformsAcknowledged);
                    SnmpAgentLog.NotificationSent(_logger, _agent.Switch.Name, notification.Name + " inform (acknowledged)", notification.IfIndex, target.ToString());
                    return;
                }
                catch (TimeoutException) when (attempt <= options.InformRetries)
                {
                    // Not acknowledged in time: send it again.
                }
                catch (TimeoutException)
                {
                    _agent.Counters.Increment(SnmpCounter.InformsGivenUp);
                    SnmpAgentLog.InformGivenUp(_logger, _agent.Switch.Name, notification.Name, notification.IfIndex, target.ToString(), attempt);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SnmpAgentLog.NotificationFailed(_logger, _agent.Switch.Name, notification.Name, target.ToString(), ex.Message);
        }
        finally
        {
            _pendingInforms.TryRemove(requestId, out _);
        }
    }

    private byte[] V3Trap(Notification notification, SnmpTrapTarget target, UsmUser user)
    {
        var keys = _keys.GetOrAdd(target, _ => UsmLocalizedKeys.Create(user, _agent.EngineId.AsSpan()));
        var (boots, time) = _agent.Engine.Now();
        var security = new UsmSecurityParameters(_agent.EngineId, boots, time, user.Name, [], []);
        var scoped = new ScopedPdu(_agent.EngineId, string.Empty, Pdu(PduType.SnmpV2Trap, NextRequestId(), notification));
        var message = SnmpV3Message.Create(Interlocked.Increment(ref _messageId), UsmRequestHandler.LevelOf(user), security, scoped, _agent.Options.MaxMessageSize);
        return SnmpV3Codec.Encode(message, keys, _salts.Next());
    }

    private static SnmpPdu Pdu(PduType type, int requestId, Notification notification) =>
        new(type, requestId, SnmpErrorStatus.NoError, 0, notification.VarBinds);

    private int NextRequestId() => Interlocked.Increment(ref _requestId) & int.MaxValue;

    private static async Task<IPEndPoint> ResolveAsync(SnmpTrapTarget target)
    {
        if (IPAddress.TryParse(target.Host, out var address))
        {
            return new IPEndPoint(address, target.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(target.Host).ConfigureAwait(false);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"no IPv4 address for trap target host '{target.Host}'");
        return new IPEndPoint(chosen, target.Port);
    }
}
