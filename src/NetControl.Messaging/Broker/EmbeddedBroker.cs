using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace NetControl.Messaging.Broker;

/// <summary>
/// The in-process MQTT 5 broker of <c>netctl demo</c> (MQTTnet.Server): loopback by default, per-agent credentials
/// and topic ACLs (<see cref="BrokerAccessPolicy"/>), persistent sessions so QoS 1 messages for an offline
/// subscriber are queued in memory until it returns or its session expires. Every refusal is logged and counted.
/// Sessions and retained messages do not survive the process; an external broker (Mosquitto) is the durable,
/// scale-out option.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private const int PortAttempts = 5;

    private readonly MqttServer _server;
    private readonly BrokerAccessPolicy _policy;
    private readonly ILogger _logger;

    private EmbeddedBroker(MqttServer server, BrokerAccessPolicy policy, IPEndPoint endPoint, ILogger logger)
    {
        _server = server;
        _policy = policy;
        _logger = logger;
        EndPoint = endPoint;
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientDisconnectedAsync += e =>
        {
            BrokerLog.ClientDisconnected(_logger, e.ClientId, e.DisconnectType.ToString());
            return Task.CompletedTask;
        };
    }

    /// <summary>The bound endpoint (the actual port when 0 was configured).</summary>
    public IPEndPoint EndPoint { get; }

    public BrokerCounters Counters { get; } = new();

    /// <summary>Starts listening; with port 0 a free port is picked (retrying if another process takes it first).</summary>
    public static async Task<EmbeddedBroker> StartAsync(EmbeddedBrokerOptions options, ILogger<EmbeddedBroker>? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var policy = new BrokerAccessPolicy(options);
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int port = options.Port != 0 ? options.Port : FreePort(options.Address);
            var server = new MqttServerFactory().CreateMqttServer(BuildServerOptions(options, port));
            var broker = new EmbeddedBroker(server, policy, new IPEndPoint(options.Address, port), log);
            try
            {
                await server.StartAsync().ConfigureAwait(false);
                BrokerLog.Started(log, broker.EndPoint.ToString(), options.AgentSecrets.Count);
                return broker;
            }
            catch (SocketException ex) when (options.Port == 0 && attempt < PortAttempts && ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                server.Dispose();
            }
            catch (SocketException ex)
            {
                server.Dispose();
                throw new MessagingException($"embedded broker cannot listen on {options.Address}:{port}: {ex.Message}", isTransient: ex.SocketErrorCode == SocketError.AddressAlreadyInUse, ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _server.StopAsync(new MqttServerStopOptionsBuilder().Build()).ConfigureAwait(false);
        }
        finally
        {
            _server.Dispose();
            BrokerLog.Stopped(_logger, EndPoint.ToString());
        }
    }

    private static MqttServerOptions BuildServerOptions(EmbeddedBrokerOptions options, int port)
    {
        var built = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions()
            .WithMaxPendingMessagesPerClient(options.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MQTTnet.Server.MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage)
            .Build();
        // MQTTnet always opens an IPv4 and an IPv6 listener; the other family goes to its loopback address, never "any".
        if (options.Address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            built.DefaultEndpointOptions.BoundInterNetworkV6Address = options.Address;
            built.DefaultEndpointOptions.BoundInterNetworkAddress = IPAddress.Loopback;
        }
        else
        {
            built.DefaultEndpointOptions.BoundInterNetworkAddress = options.Address;
            built.DefaultEndpointOptions.BoundInterNetworkV6Address = IPAddress.IPv6Loopback;
        }

        built.DefaultEndpointOptions.NoDelay = true;
        return built;
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var identity = _policy.Authenticate(e.ClientId, e.UserName, e.RawPassword ?? [], out string reason);
        if (identity == BrokerIdentity.None)
        {
            e.ReasonCode = reason.StartsWith("client id", StringComparison.Ordinal)
                ? MqttConnectReasonCode.ClientIdentifierNotValid
                : MqttConnectReasonCode.BadUserNameOrPassword;
            Counters.ConnectionRejected();
            BrokerLog.ConnectionRejected(_logger, e.ClientId, e.UserName, e.RemoteEndPoint?.ToString(), reason);
            return Task.CompletedTask;
        }

        e.ReasonCode = MqttConnectReasonCode.Success;
        Counters.Accepted();
        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        // Messages without a user are the broker's own (injected); every client connection has one.
        if (e.UserName is null || _policy.CanPublish(e.UserName, e.ApplicationMessage.Topic))
        {
            return Task.CompletedTask;
        }

        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        e.Response.ReasonString = "topic not allowed for this identity";
        Counters.PublishRejected();
        BrokerLog.PublishRejected(_logger, e.ClientId, e.UserName, e.ApplicationMessage.Topic);
        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (_policy.CanSubscribe(e.UserName, e.TopicFilter.Topic))
        {
            return Task.CompletedTask;
        }

        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        e.Response.ReasonString = "topic filter not allowed for this identity";
        Counters.SubscriptionRejected();
        BrokerLog.SubscriptionRejected(_logger, e.ClientId, e.UserName, e.TopicFilter.Topic);
        return Task.CompletedTask;
    }
}
