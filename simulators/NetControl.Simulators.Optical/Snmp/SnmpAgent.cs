using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Snmp.Security;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Snmp.Mib;
using NetControl.Simulators.Optical.Snmp.Notifications;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// The SNMP agent of one simulated switch on a loopback UDP port: SNMPv2c (read and write communities) and SNMPv3
/// USM (the configured users; this agent is their authoritative engine) over the switch's MIB — system group, IF-MIB
/// ifTable/ifXTable with one row per port, ENTITY-SENSOR-MIB optical power — and linkDown / linkUp notifications to
/// the configured targets when light comes or goes at a port. The receive loop survives anything a datagram
/// contains: malformed or refused datagrams are dropped, counted and logged. Values and times come from the switch's
/// network (<see cref="SimulatedNetwork.Time"/>).
/// </summary>
public sealed class SnmpAgent : IAsyncDisposable
{
    private readonly AgentContext _agent;
    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly SnmpRequestHandler _handler;
    private readonly LinkMonitor _monitor;
    private readonly NotificationSender _notifications;
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;

    private SnmpAgent(OpticalSwitch sw, SnmpAgentOptions options, int port, ILogger logger)
    {
        _logger = logger;
        _agent = new AgentContext(sw, options, EngineIdOf(sw.Name));
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Mib = SwitchMibFactory.Create(_agent);
        _notifications = new NotificationSender(_agent, SendAsync, logger);
        _handler = new SnmpRequestHandler(_agent, Mib, logger) { ResponseReceived = _notifications.Acknowledge };
        _monitor = new LinkMonitor(_agent, OnLinkChanged);
    }

    public OpticalSwitch Switch => _agent.Switch;

    /// <summary>The UDP port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>snmpEngineID: <see cref="EngineIdOf"/> of the switch name.</summary>
    public ImmutableArray<byte> EngineId => _agent.EngineId;

    public SnmpAgentCounters Counters => _agent.Counters;

    internal SwitchMib Mib { get; }

    internal AgentContext Context => _agent;

    /// <summary>
    /// The engine id of the agent of switch <paramref name="switchName"/>: net-snmp's text format, as
    /// <c>engineID &lt;name&gt;</c> in snmpd.conf gives (80 00 1F 88 04 + the name), so a notification receiver can be
    /// configured (<c>createUser -e</c>) before the simulator starts. A name that is not 1 to 27 printable ASCII
    /// characters uses format 5 with the first 16 octets of its SHA-256 instead.
    /// </summary>
    public static ImmutableArray<byte> EngineIdOf(string switchName)
    {
        ArgumentException.ThrowIfNullOrEmpty(switchName);
        return switchName.Length <= UsmEngine.MaxSuffixLength && switchName.All(c => c is >= ' ' and <= '~')
            ? UsmEngine.CreateEngineId(switchName)
            : UsmEngine.CreateEngineId(SHA256.HashData(Encoding.UTF8.GetBytes(switchName)).AsSpan(0, 16));
    }

    /// <summary>
    /// Starts the agent of <paramref name="sw"/> on 127.0.0.1:<paramref name="port"/> (0: any free port). Throws
    /// <see cref="SocketException"/> when the port is taken and <see cref="ArgumentException"/> for invalid options.
    /// </summary>
    public static SnmpAgent Start(OpticalSwitch sw, SnmpAgentOptions? options = null, int port = 0, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(sw);
        options ??= new SnmpAgentOptions();
        Validate(options);
        var agent = new SnmpAgent(sw, options, port, (loggers ?? NullLoggerFactory.Instance).CreateLogger<SnmpAgent>());
        agent._receive = Task.Run(agent.ReceiveAsync);
        agent._monitor.Start();
        SnmpAgentLog.Listening(agent._logger, sw.Name, agent.Port, Convert.ToHexString(agent.EngineId.AsSpan()));
        return agent;
    }

    /// <summary>Looks at the ports' light now instead of at the next poll (tests, and callers that just changed the light).</summary>
    public void CheckLinks() => _monitor.Poll();

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _monitor.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _notifications.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receive.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static void Validate(SnmpAgentOptions options)
    {
        if (options.MaxMessageSize is < 484 or > 65507)
        {
            throw new ArgumentException($"MaxMessageSize must be 484 to 65507 octets (RFC 3412), got {options.MaxMessageSize}", nameof(options));
        }

        if (!NetControl.Drivers.Snmp.Messages.Oid.IsValid(options.SysObjectId))
        {
            throw new ArgumentException($"SysObjectId '{options.SysObjectId}' is not a dotted-decimal OID", nameof(options));
        }

        if (options.LinkPollInterval <= TimeSpan.Zero || options.InformTimeout <= TimeSpan.Zero || options.InformRetries < 0)
        {
            throw new ArgumentException("LinkPollInterval and InformTimeout must be positive and InformRetries not negative", nameof(options));
        }

        if (options.Utilisation is < 0 or > 1 || !(options.NominalRateBitsPerSecond >= 0))
        {
            throw new ArgumentException("Utilisation must be 0..1 and NominalRateBitsPerSecond not negative", nameof(options));
        }

        foreach (var user in options.Users)
        {
            UsmUser.Validate(user);
        }

        foreach (var target in options.TrapTargets)
        {
            if (target.User is not null && target.Inform)
            {
                throw new ArgumentException($"trap target {target}: SNMPv3 informs are not supported (use a v3 trap or a v2c inform)", nameof(options));
            }
        }
    }

    private void OnLinkChanged(LinkChange change)
    {
        SnmpAgentLog.LinkChanged(_logger, Switch.Name, change.Row.Name, change.Row.IfIndex, change.Up ? "up" : "down");
        _notifications.Send(change);
    }

    private async ValueTask SendAsync(byte[] datagram, IPEndPoint to, CancellationToken cancellationToken) =>
        await _socket.SendToAsync(datagram, SocketFlags.None, to, cancellationToken).ConfigureAwait(false);

    private async Task ReceiveAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65_536);
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
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
            catch (SocketException ex)
            {
                // Such as an ICMP port unreachable for an earlier notification: the socket is still usable.
                SnmpAgentLog.SocketError(_logger, Switch.Name, "receive", ex.Message);
                continue;
            }

            try
            {
                byte[]? reply = _handler.Handle(buffer.AsSpan(0, received.ReceivedBytes), received.RemoteEndPoint);
                if (reply is not null)
                {
                    await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && _stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                SnmpAgentLog.SocketError(_logger, Switch.Name, "send", ex.Message);
            }
            catch (Exception ex)
            {
                // A bug in handling one datagram must not stop the agent.
                SnmpAgentLog.HandlerFailed(_logger, Switch.Name, received.RemoteEndPoint, ex);
            }
        }
    }
}
