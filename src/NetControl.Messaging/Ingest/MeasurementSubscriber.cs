using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Topics;

namespace NetControl.Messaging.Ingest;

/// <summary>
/// The controller's side of telemetry: one persistent MQTT 5 session (clean start false) subscribed at QoS 1 to every
/// agent's measurements and status. Each message is decoded straight from the payload; bad payloads become a
/// counted, logged <see cref="DecodeError"/> and never leave the receive loop. Sequence numbers are tracked per agent
/// (<see cref="Sequences"/>: gaps, late fills, duplicates); presence is fed to the optional <see cref="PresenceTracker"/>.
/// The MQTT receive loop only copies the payload into a bounded pipeline; one decoder task decodes, calls the sink and
/// only then sends the PUBACK (in order), so a summary is acknowledged only once the controller has it, while the
/// network receive and the decode run on different cores. Reconnects with backoff; the broker keeps queueing for the
/// session meanwhile (a message decoded after its connection died is not acknowledged and comes again: a counted duplicate).
/// </summary>
public sealed class MeasurementSubscriber : IAsyncDisposable
{
    private readonly MeasurementSubscriberOptions _options;
    private readonly Func<ReceivedMeasurements, CancellationToken, ValueTask> _sink;
    private readonly PresenceTracker? _presence;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _endpoint;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Received> _pipeline;
    private Task? _loop;
    private Task? _decoder;
    private volatile IMqttClient? _client;

    /// <param name="options">Broker, identity and client id.</param>
    /// <param name="sink">Receives each message's summaries; keep it fast (hand off to a channel) - it runs on the receive loop.</param>
    /// <param name="presence">Fed with status messages and message arrivals, when given.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="timeProvider">Clock for reconnect delays and receive timestamps.</param>
    public MeasurementSubscriber(
        MeasurementSubscriberOptions options,
        Func<ReceivedMeasurements, CancellationToken, ValueTask> sink,
        PresenceTracker? presence = null,
        ILogger<MeasurementSubscriber>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options;
        _sink = sink;
        _presence = presence;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _endpoint = $"{options.Broker.Host}:{options.Broker.Port}";
        _pipeline = Channel.CreateBounded<Received>(new BoundedChannelOptions(Math.Max(1, options.PipelineDepth)) { SingleReader = true, SingleWriter = true });
    }

    public IngestCounters Counters { get; } = new();

    /// <summary>Per-agent sequence accounting (loss and duplicates end to end).</summary>
    public SequenceTracker Sequences { get; } = new();

    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>Starts the session loop and completes once the first subscription is in place.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        _decoder ??= Task.Run(() => DecodeLoopAsync(_stop.Token), CancellationToken.None);
        _loop ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        await _subscribed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!await ReconnectBackoff.StopLoopAsync(_stop, _loop).ConfigureAwait(false))
        {
            return;
        }

        _pipeline.Writer.TryComplete();
        if (_decoder is not null)
        {
            await _decoder.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    /// <summary>Handles one received message (public for benchmarks and tests; the receive loop calls it).</summary>
    public async ValueTask HandleAsync(string topic, System.Buffers.ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        if (!TopicScheme.TryParseAgentTopic(topic, out var agentId, out var kind))
        {
            Counters.UnrecognizedTopic();
            return;
        }

        if (kind == AgentTopicKind.Status)
        {
            if (MessageCodec.TryDecodeStatus(payload, topic, agentId, out var status, out var statusError))
            {
                Counters.Status();
                _presence?.ReportStatus(status!.AgentId, status.State, status.Reason);
            }
            else
            {
                Counters.DecodeError();
                IngestLog.DecodeFailed(_logger, statusError!);
            }

            return;
        }

        if (kind != AgentTopicKind.Measurements)
        {
            Counters.UnrecognizedTopic();
            return;
        }

        if (!MessageCodec.TryDecodeBatch(payload, topic, agentId, out var batch, out var error))
        {
            Counters.DecodeError();
            IngestLog.DecodeFailed(_logger, error!);
            return;
        }

        await DeliverAsync(batch!, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask DeliverAsync(ProbeSummaryBatch batch, CancellationToken cancellationToken)
    {
        _presence?.Observe(batch.AgentId);
        List<ProbeSummary>? kept = null;
        int duplicates = 0, late = 0;
        var summaries = batch.Summaries;
        for (int i = 0; i < summaries.Count; i++)
        {
            var verdict = Sequences.Observe(batch.AgentId, summaries[i].Sequence);
            if (verdict == SequenceVerdict.Late)
            {
                late++;
            }

            if (verdict != SequenceVerdict.Duplicate)
            {
                kept?.Add(summaries[i]);
                continue;
            }

            duplicates++;
            if (!_options.DeliverDuplicates && kept is null)
            {
                // First duplicate: from here on copy only what is kept.
                kept = new List<ProbeSummary>(summaries.Count);
                for (int j = 0; j < i; j++)
                {
                    kept.Add(summaries[j]);
                }
            }
            else if (_options.DeliverDuplicates)
            {
                kept?.Add(summaries[i]);
            }
        }

        IReadOnlyList<ProbeSummary> delivered = kept ?? summaries;
        Counters.Message(summaries.Count - duplicates, duplicates, late);
        if (delivered.Count == 0)
        {
            return;
        }

        try
        {
            await _sink(new ReceivedMeasurements(batch.AgentId, delivered, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The sink is the controller's code; whatever it throws must not stop ingest.
            Counters.SinkError();
            IngestLog.SinkFailed(_logger, batch.AgentId, ex.Message);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = new ReconnectBackoff(_options.Broker.ReconnectMinDelay, _options.Broker.ReconnectMaxDelay);
        while (!stop.IsCancellationRequested)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.DisconnectedAsync += e =>
            {
                lost.TrySetResult(e.Exception?.Message ?? e.Reason.ToString());
                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += e => EnqueueAsync(e, stop);

            bool connected = false;
            string reason;
            try
            {
                var result = await MqttConnector.ConnectAsync(client, MqttClientOptionsFactory.Persistent(_options.Broker, _options.ClientId).Build(), _endpoint, stop).ConfigureAwait(false);
                connected = true;
                _client = client;
                backoff.Reset();
                Counters.Connected();
                IngestLog.Connected(_logger, _endpoint, _options.ClientId, result.IsSessionPresent);
                await SubscribeAsync(client, stop).ConfigureAwait(false);
                _subscribed.TrySetResult();
                reason = await lost.Task.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await DisconnectAsync(client).ConfigureAwait(false);
                _client = null;
                client.Dispose();
                return;
            }
            catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
            {
                reason = ex.Message;
            }

            _client = null;
            client.Dispose();
            var delay = backoff.Next();
            if (connected)
            {
                Counters.Lost();
                IngestLog.ConnectionLost(_logger, _endpoint, reason);
            }
            else
            {
                IngestLog.ConnectFailed(_logger, _endpoint, reason, delay.TotalMilliseconds);
            }

            if (!await ReconnectBackoff.DelayAsync(delay, _time, stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>On the MQTT receive loop: copy the payload, defer the PUBACK, hand over (waits when the pipeline is full).</summary>
    private async Task EnqueueAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stop)
    {
        e.AutoAcknowledge = false;
        var payload = e.ApplicationMessage.Payload;
        byte[] copy = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, payload.Length));
        payload.CopyTo(copy);
        try
        {
            await _pipeline.Writer.WriteAsync(new Received(e, copy, (int)payload.Length), stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private async Task DecodeLoopAsync(CancellationToken stop)
    {
        await foreach (var item in _pipeline.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await HandleAsync(item.Message.ApplicationMessage.Topic, new ReadOnlySequence<byte>(item.Payload, 0, item.Length), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // stopping: not acknowledged, the broker keeps it for the session
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(item.Payload);
            }

            try
            {
                await item.Message.AcknowledgeAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException or ObjectDisposedException)
            {
                // Its connection is gone: the broker redelivers it on the session (counted as a duplicate).
            }
        }
    }

    private readonly record struct Received(MqttApplicationMessageReceivedEventArgs Message, byte[] Payload, int Length);

    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(TopicScheme.AllMeasurements, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(TopicScheme.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.SubscribeAsync(options, cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
            {
                IngestLog.SubscriptionRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
                throw new MessagingException($"{_endpoint}: subscription to '{item.TopicFilter.Topic}' refused: {item.ResultCode}");
            }
        }
    }

    private async Task DisconnectAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.Broker.CommunicationTimeout, _time);
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (MqttConnector.IsConnectionFailure(ex) || ex is OperationCanceledException)
        {
            // best effort
        }
    }
}
