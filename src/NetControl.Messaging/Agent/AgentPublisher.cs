using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Topics;

namespace NetControl.Messaging.Agent;

/// <summary>
/// Publishes an agent's probe summaries to the broker with nothing lost across broker outages and agent restarts.
/// Every summary is journaled (<see cref="StoreAndForwardQueue"/>) before it is sent, sent in batches at QoS 1 on a
/// persistent MQTT 5 session (clean start false, session expiry), and removed only after its PUBACK. The connection
/// is kept up with exponential backoff; after each reconnect whatever was unacknowledged is sent again, so delivery
/// is at least once (the controller counts duplicates by sequence number). The last will is a retained
/// <c>offline</c> status; a retained <c>online</c> status is published on every connect.
/// </summary>
public sealed class AgentPublisher : IAsyncDisposable
{
    private readonly AgentPublisherOptions _options;
    private volatile bool _receivingCommands;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly MqttClientFactory _factory = new();
    private readonly string _measurementsTopic;
    private readonly string _statusTopic;
    private readonly string _endpoint;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private volatile IMqttClient? _client;

    /// <summary>Opens the journal (recovering unacknowledged summaries); call <see cref="Start"/> to begin sending.</summary>
    public AgentPublisher(AgentPublisherOptions options, ILogger<AgentPublisher>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSummariesPerMessage, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInFlightMessages, 1);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        AgentId = options.Broker.UserName;
        _measurementsTopic = TopicScheme.Measurements(AgentId);
        _statusTopic = TopicScheme.Status(AgentId);
        _endpoint = $"{options.Broker.Host}:{options.Broker.Port}";
        Queue = new StoreAndForwardQueue(AgentId, options.StoreAndForward, _logger, _time);
    }

    public string AgentId { get; }

    /// <summary>The durable outbox (pending count, journal counters).</summary>
    public StoreAndForwardQueue Queue { get; }

    public AgentPublisherCounters Counters { get; } = new();

    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>True while connected with the commands subscription in place (only with a <see cref="AgentPublisherOptions.CommandHandler"/>).</summary>
    public bool IsReceivingCommands => _receivingCommands && IsConnected;

    /// <summary>Starts the connect-and-send loop (idempotent).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        _loop ??= Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Journals <paramref name="summary"/> (durable on return) and queues it; returns its sequence number.</summary>
    public long Enqueue(ProbeSummary summary) => Queue.Enqueue(summary);

    /// <summary>Journals several summaries with one flush; returns the last sequence number.</summary>
    public long EnqueueRange(IReadOnlyList<ProbeSummary> summaries) => Queue.EnqueueRange(summaries);

    /// <summary>Completes when everything journaled so far has been acknowledged by the broker.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Queue.WaitUntilDrainedAsync(cancellationToken);

    /// <summary>Stops sending: publishes the retained <c>offline</c> status and disconnects cleanly when connected. Unsent summaries stay journaled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!await ReconnectBackoff.StopLoopAsync(_stop, _loop).ConfigureAwait(false))
        {
            return;
        }

        AgentPublisherLog.Stopped(_logger, AgentId, Queue.PendingCount);
        Queue.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(_options.Broker.ReconnectMinDelay, _options.Broker.ReconnectMaxDelay);
        while (!stop.IsCancellationRequested)
        {
            var client = _factory.CreateMqttClient();
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
            string reason = "disconnected";
            client.DisconnectedAsync += e =>
            {
                reason = e.Exception?.Message ?? e.Reason.ToString();
                try
                {
                    connection.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // a late event from a finished connection
                }

                return Task.CompletedTask;
            };

            if (_options.CommandHandler is { } handler)
            {
                client.ApplicationMessageReceivedAsync += e => HandleCommandAsync(client, handler, e, connection.Token);
            }

            bool connected = false;
            try
            {
                var result = await MqttConnector.ConnectAsync(client, BuildClientOptions(), _endpoint, stop).ConfigureAwait(false);
                connected = true;
                _client = client;
                backoff.Reset();
                Counters.Connected();
                await PublishStatusAsync(client, AgentState.Online, AgentStatusMessage.Connected, connection.Token).ConfigureAwait(false);
                await SubscribeCommandsAsync(client, connection.Token).ConfigureAwait(false);
                _receivingCommands = _options.CommandHandler is not null;
                AgentPublisherLog.Connected(_logger, AgentId, _endpoint, result.IsSessionPresent, Queue.PendingCount);
                await PumpAsync(client, connection).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // stopping
            }
            catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
            {
                reason = ex.Message;
            }

            _client = null;
            _receivingCommands = false;
            Queue.Rewind();
            if (stop.IsCancellationRequested)
            {
                await ShutdownAsync(client).ConfigureAwait(false);
                client.Dispose();
                return;
            }

            client.Dispose();
            var delay = backoff.Next();
            if (connected)
            {
                Counters.Lost();
                AgentPublisherLog.ConnectionLost(_logger, AgentId, _endpoint, reason, Queue.PendingCount);
            }
            else
            {
                Counters.ConnectFailed();
                AgentPublisherLog.ConnectFailed(_logger, AgentId, _endpoint, reason, delay.TotalMilliseconds);
            }

            if (!await ReconnectBackoff.DelayAsync(delay, _time, stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Sends batches until the connection is lost (then every in-flight batch has finished or failed).</summary>
    private async Task PumpAsync(IMqttClient client, CancellationTokenSource connection)
    {
        var token = connection.Token;
        using var slots = new SemaphoreSlim(_options.MaxInFlightMessages);
        try
        {
            while (!token.IsCancellationRequested)
            {
                await slots.WaitAsync(token).ConfigureAwait(false);
                var batch = Queue.TryTake(_options.MaxSummariesPerMessage, _options.MaxMessageBytes);
                if (batch is null)
                {
                    slots.Release();
                    await Queue.WaitForDataAsync(token).ConfigureAwait(false);
                    continue;
                }

                _ = SendAsync(client, batch, connection, slots);
            }
        }
        catch (OperationCanceledException)
        {
            // connection lost or stopping
        }
        finally
        {
            // Wait for the in-flight publishes to settle before the queue is rewound.
            for (int i = 0; i < _options.MaxInFlightMessages; i++)
            {
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(IMqttClient client, OutgoingBatch batch, CancellationTokenSource connection, SemaphoreSlim slots)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(_measurementsTopic)
                .WithPayload(Envelope(batch))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .Build();
            var result = await client.PublishAsync(message, connection.Token).ConfigureAwait(false);
            if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                Queue.Complete(batch);
                Counters.Acknowledged(batch.Items.Count);
            }
            else
            {
                Queue.Complete(batch);
                Counters.RejectedBy(batch.Items.Count);
                AgentPublisherLog.Rejected(_logger, AgentId, batch.FirstSequence, batch.LastSequence, result.ReasonCode.ToString(), result.ReasonString);
            }
        }
        catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
        {
            // No PUBACK: the batch stays journaled; break the connection so it is rewound and resent.
            Counters.PublishFailed();
            try
            {
                await connection.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // the connection already ended
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private byte[] Envelope(OutgoingBatch batch)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + batch.Items.Sum(i => i.Json.Length + 1));
        var items = new ReadOnlyMemory<byte>[batch.Items.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = batch.Items[i].Json;
        }

        MessageCodec.WriteBatch(buffer, AgentId, items);
        return buffer.WrittenSpan.ToArray();
    }

    private async Task ShutdownAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.Broker.CommunicationTimeout, _time);
        try
        {
            await PublishStatusAsync(client, AgentState.Offline, AgentStatusMessage.Shutdown, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
        {
            // best effort: the will says offline anyway
        }
    }

    private async Task SubscribeCommandsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        if (_options.CommandHandler is null)
        {
            return;
        }

        var result = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(TopicScheme.Commands(AgentId), MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new MessagingException($"{_endpoint}: subscription to '{item.TopicFilter.Topic}' refused: {item.ResultCode}");
            }
        }
    }

    /// <summary>One command: the handler's result goes out on the results topic, then the command is acknowledged.</summary>
    private async Task HandleCommandAsync(IMqttClient client, Func<System.Buffers.ReadOnlySequence<byte>, CancellationToken, Task<byte[]>> handler, MqttApplicationMessageReceivedEventArgs e, CancellationToken cancellationToken)
    {
        if (!string.Equals(e.ApplicationMessage.Topic, TopicScheme.Commands(AgentId), StringComparison.Ordinal))
        {
            return;
        }

        e.AutoAcknowledge = false;
        byte[] answer = await handler(e.ApplicationMessage.Payload, cancellationToken).ConfigureAwait(false);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(TopicScheme.Results(AgentId))
            .WithPayload(answer)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        try
        {
            await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            await e.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
            Counters.Command();
        }
        catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
        {
            // Not acknowledged: the broker delivers it again on the session, and the agent refuses it as a replay.
            AgentPublisherLog.CommandResultNotSent(_logger, AgentId, ex.Message);
        }
    }

    private Task PublishStatusAsync(IMqttClient client, AgentState state, string reason, CancellationToken cancellationToken)
    {
        var status = new AgentStatusMessage { AgentId = AgentId, State = state, At = _time.GetUtcNow(), Reason = reason };
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_statusTopic)
            .WithPayload(MessageCodec.EncodeStatus(status))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .WithContentType("application/json")
            .Build();
        return client.PublishAsync(message, cancellationToken);
    }

    private MqttClientOptions BuildClientOptions()
    {
        var will = new AgentStatusMessage { AgentId = AgentId, State = AgentState.Offline, Reason = AgentStatusMessage.ConnectionLost };
        return MqttClientOptionsFactory.Persistent(_options.Broker, AgentId)
            .WithWillTopic(_statusTopic)
            .WithWillPayload(MessageCodec.EncodeStatus(will))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType("application/json")
            .Build();
    }
}
