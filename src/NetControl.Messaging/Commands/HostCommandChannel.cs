using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Topics;

namespace NetControl.Messaging.Commands;

/// <summary>
/// The controller's side of host commands: one MQTT connection as the controller identity, subscribed to every
/// agent's results; <see cref="SendAsync"/> signs a command, publishes it (QoS 1) on the agent's commands topic and
/// waits for the result carrying its id. A command gets a fresh id and a short validity, so an agent that comes back
/// late refuses it as expired instead of acting on stale intent.
/// </summary>
public sealed class HostCommandChannel : IAsyncDisposable
{
    private readonly Func<BrokerConnectionOptions> _broker;
    private readonly CommandSigner _signer;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CommandResult>> _waiting = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _connect = new(1, 1);
    private readonly string _clientId;
    private IMqttClient? _client;
    private long _unmatched;

    public HostCommandChannel(BrokerConnectionOptions broker, CommandSigner signer, TimeProvider? timeProvider = null, string clientId = "netcontrol-controller-commands")
        : this(() => broker, signer, timeProvider, clientId)
    {
        ArgumentNullException.ThrowIfNull(broker);
    }

    /// <summary>With the broker known only once it runs (an embedded broker on a free port): <paramref name="broker"/> is asked at each connect.</summary>
    public HostCommandChannel(Func<BrokerConnectionOptions> broker, CommandSigner signer, TimeProvider? timeProvider = null, string clientId = "netcontrol-controller-commands")
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(signer);
        _broker = broker;
        _signer = signer;
        _clientId = clientId;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a command stays valid after it is issued. Default 60 s.</summary>
    public TimeSpan CommandLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Results that matched no waiting command (late or foreign).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Sends <paramref name="operation"/> with <paramref name="steps"/> to <paramref name="agentId"/> and returns its result.</summary>
    /// <exception cref="MessagingException">The broker cannot be reached, or no result came within <paramref name="timeout"/>.</exception>
    public async Task<CommandResult> SendAsync(string agentId, string operation, string? changeSetId, IReadOnlyList<HostStepSpec> steps, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        TopicScheme.ValidateAgentId(agentId);
        var now = _time.GetUtcNow();
        var command = new AgentCommand
        {
            CommandId = Guid.NewGuid().ToString("N"),
            AgentId = agentId,
            IssuedAt = now,
            ExpiresAt = now + CommandLifetime,
            Operation = operation,
            ChangeSetId = changeSetId,
            Steps = steps,
        };
        var waiter = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[command.CommandId] = waiter;
        try
        {
            var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(TopicScheme.Commands(agentId))
                .WithPayload(_signer.Encode(command))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .Build();
            await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return await waiter.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new MessagingException($"agent {agentId}: no result for {operation} command {command.CommandId} within {timeout.TotalSeconds:0} s (is the agent running with hostCommands?)", isTransient: true);
        }
        catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex))
        {
            throw new MessagingException($"agent {agentId}: cannot send the {operation} command: {ex.Message}", isTransient: true, ex);
        }
        finally
        {
            _waiting.TryRemove(command.CommandId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
                {
                    // best effort
                }
            }

            client.Dispose();
        }

        _connect.Dispose();
    }

    private async Task<IMqttClient> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connect.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { IsConnected: true } connected)
            {
                return connected;
            }

            _client?.Dispose();
            var client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e =>
            {
                OnResult(e.ApplicationMessage.Payload);
                return Task.CompletedTask;
            };
            var broker = _broker();
            await MqttConnector.ConnectAsync(client, MqttClientOptionsFactory.Persistent(broker, _clientId).Build(), $"{broker.Host}:{broker.Port}", cancellationToken).ConfigureAwait(false);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(TopicScheme.AllResults, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
            _client = client;
            return client;
        }
        finally
        {
            _connect.Release();
        }
    }

    private void OnResult(System.Buffers.ReadOnlySequence<byte> payload)
    {
        CommandResult? result;
        try
        {
            var reader = new Utf8JsonReader(payload);
            result = JsonSerializer.Deserialize(ref reader, MessagingJsonContext.Default.CommandResult);
        }
        catch (JsonException)
        {
            result = null;
        }

        if (result?.CommandId is { } id && _waiting.TryGetValue(id, out var waiter))
        {
            waiter.TrySetResult(result);
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }
    }
}
