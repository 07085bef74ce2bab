using System.Net;
using Microsoft.Extensions.Logging;
using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Ingest;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Overlay;
using NetControl.Persistence.Telemetry;

namespace NetControl.Controller.Telemetry;

/// <summary>
/// Probe summaries from agents into the controller: the MQTT broker (embedded unless configured external), a
/// persistent-session subscriber, <see cref="LinkTelemetry"/> (quality, history, probe alarms), agent presence,
/// minute and hour roll-ups to SQLite, and the two consumers of link changes: probe alarms on managed links go to
/// the lightpath service (a link probed down is restored like a cut) and quality changes on reflector links move
/// the <see cref="ReflectorOverlay"/>. Disposing stops intake first, then writes what the roll-ups still hold.
/// </summary>
public sealed class TelemetryPipeline : IAsyncDisposable
{
    private readonly TelemetryOptions _options;
    private readonly LightpathService? _service;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _rollupGate = new();
    private readonly RollupAggregator _aggregator = new();
    private readonly List<TelemetryRollup> _unwritten = [];
    private readonly CancellationTokenSource _stop = new();
    private EmbeddedBroker? _broker;
    private MeasurementSubscriber? _subscriber;
    private SqliteTelemetryRollupStore? _store;
    private Task _flushLoop = Task.CompletedTask;
    private int _disposed;

    private TelemetryPipeline(TelemetryOptions options, LightpathService? service, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _service = service;
        _time = time;
        _logger = loggers.CreateLogger<TelemetryPipeline>();
        Links = new LinkTelemetry(options.Links, time);
        Presence = new PresenceTracker(options.Presence, loggers.CreateLogger<PresenceTracker>(), time);
        Overlay = options.Overlay is { } reflectors ? new ReflectorOverlay(reflectors, options.OverlayOptions, time, loggers.CreateLogger<ReflectorOverlay>()) : null;
        Links.ConditionChanged += OnConditionChanged;
        Links.QualityChanged += OnQualityChanged;
        Presence.Changed += p => TelemetryLog.AgentPresence(_logger, p.AgentId, p.IsUp ? "up" : "down", p.Reason.ToString());
    }

    public LinkTelemetry Links { get; }

    public PresenceTracker Presence { get; }

    /// <summary>The live reflector overlay, when configured.</summary>
    public ReflectorOverlay? Overlay { get; }

    /// <summary>The roll-up store, when configured.</summary>
    public ITelemetryRollupStore? Rollups => _store;

    /// <summary>The port agents publish to (the one bound when the embedded broker was asked for port 0).</summary>
    public int BrokerPort => _broker?.EndPoint.Port ?? _options.BrokerPort;

    /// <summary>Ingest counters: messages, summaries, duplicates, decode errors.</summary>
    public IngestCounters? Ingest => _subscriber?.Counters;

    /// <summary>Starts the broker (if embedded), opens the roll-up store and subscribes; fails whole (nothing left running).</summary>
    public static async Task<TelemetryPipeline> StartAsync(
        TelemetryOptions options, LightpathService? service, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = new TelemetryPipeline(options, service, loggers, time);
        try
        {
            await pipeline.StartCoreAsync(loggers, cancellationToken).ConfigureAwait(false);
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (_options.RollupDatabasePath is { } path)
        {
            _store = await SqliteTelemetryRollupStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
            _flushLoop = Task.Run(() => FlushLoopAsync(_stop.Token), CancellationToken.None);
        }

        string host = _options.BrokerHost;
        int port = _options.BrokerPort;
        if (_options.EmbeddedBroker)
        {
            _broker = await EmbeddedBroker.StartAsync(
                new EmbeddedBrokerOptions
                {
                    Address = IPAddress.Parse(host),
                    Port = port,
                    AgentSecrets = _options.AgentSecrets,
                    ControllerUserName = _options.ControllerUserName,
                    ControllerSecret = _options.ControllerSecret,
                },
                loggers.CreateLogger<EmbeddedBroker>(),
                cancellationToken).ConfigureAwait(false);
            port = _broker.EndPoint.Port;
        }

        _subscriber = new MeasurementSubscriber(
            new MeasurementSubscriberOptions { Broker = new BrokerConnectionOptions { Host = host, Port = port, UserName = _options.ControllerUserName, Secret = _options.ControllerSecret } },
            SinkAsync,
            Presence,
            loggers.CreateLogger<MeasurementSubscriber>(),
            _time);
        await _subscriber.StartAsync(cancellationToken).ConfigureAwait(false);
        TelemetryLog.Started(_logger, _broker is null ? "external" : "embedded", $"{host}:{port}", Overlay?.Reflectors.Length ?? 0, _store?.Path ?? "not kept");
    }

    /// <summary>Runs on the subscriber's decode loop, one message at a time.</summary>
    private ValueTask SinkAsync(ReceivedMeasurements received, CancellationToken cancellationToken)
    {
        foreach (var summary in received.Summaries)
        {
            var sample = LinkSamples.From(summary);
            if (Links.TryRecord(sample) && _store is not null)
            {
                lock (_rollupGate)
                {
                    _aggregator.Add(sample);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private void OnConditionChanged(LinkConditionChange change)
    {
        TelemetryLog.ConditionChanged(_logger, change.LinkId, change.Previous.ToString(), change.Current.ToString(), change.Cause);
        if (_service is not null && _service.Topology.ContainsLink(change.LinkId))
        {
            try
            {
                _service.ReportProbeCondition(change.LinkId, change.Current, change.Cause);
            }
            catch (LightpathException ex)
            {
                TelemetryLog.ConditionNotApplied(_logger, change.LinkId, ex.Message);
            }
        }
    }

    private void OnQualityChanged(LinkQualityChange change)
    {
        var q = change.Current;
        Overlay?.Observe(q.LinkId, new OverlayMeasurement(q.RttMedianMs, q.LossRatio, q.JitterMs, q.Condition == LinkCondition.Down, q.Source));
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.RollupFlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await FlushAsync(all: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final flush follows.
        }
    }

    /// <summary>Writes completed buckets (all of them when stopping); a failed write keeps them for the next flush.</summary>
    private async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        List<TelemetryRollup> batch;
        lock (_rollupGate)
        {
            _unwritten.AddRange(all ? _aggregator.TakeAll() : _aggregator.TakeCompleted(_time.GetUtcNow()));
            batch = [.. _unwritten];
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            lock (_rollupGate)
            {
                _unwritten.RemoveRange(0, batch.Count);
            }
        }
        catch (Exception ex) when (ex is Persistence.PersistenceException or OperationCanceledException)
        {
            TelemetryLog.RollupWriteFailed(_logger, batch.Count, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_subscriber is not null)
        {
            await _subscriber.DisposeAsync().ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _flushLoop.ConfigureAwait(false);
        await FlushAsync(all: true, CancellationToken.None).ConfigureAwait(false);
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync().ConfigureAwait(false);
        }

        Presence.Dispose();
        _stop.Dispose();
    }
}
