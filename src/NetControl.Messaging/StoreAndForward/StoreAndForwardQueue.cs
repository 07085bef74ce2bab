using Microsoft.Extensions.Logging;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Topics;

namespace NetControl.Messaging.StoreAndForward;

/// <summary>
/// The agent's durable outbox. <see cref="Enqueue"/> assigns the per-agent sequence number and appends the summary
/// to the journal before returning; the sender takes batches (<see cref="TryTake"/>), and only the broker's PUBACK
/// (<see cref="Complete"/>) removes them. When the connection drops, <see cref="Rewind"/> puts everything in flight
/// back in front, so it is sent again (at least once). Past <see cref="StoreAndForwardOptions.MaxPendingSummaries"/>
/// the oldest summary is dropped, counted and logged. Thread-safe.
/// </summary>
public sealed class StoreAndForwardQueue : IDisposable
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly string _agentId;
    private readonly StoreAndForwardOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SummaryJournal _journal;
    private readonly LinkedList<PendingSummary> _unsent = new();
    private readonly LinkedList<PendingSummary> _inFlight = new();
    private readonly AsyncSignal _dataAvailable = new();
    private readonly AsyncSignal _drained = new();
    private long _nextSequence;
    private long _removedSinceCompaction;
    private long _lastDropLog = long.MinValue;
    private bool _disposed;

    /// <summary>Opens (or creates) the journal in <see cref="StoreAndForwardOptions.Directory"/> and recovers what it still owes.</summary>
    public StoreAndForwardQueue(string agentId, StoreAndForwardOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        TopicScheme.ValidateAgentId(agentId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPendingSummaries, 1);
        _agentId = agentId;
        _options = options;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _journal = SummaryJournal.Open(options.Directory, options.FsyncEachAppend, _logger, Counters, out var contents);
        _nextSequence = contents.NextSequence;
        foreach (var s in contents.Pending)
        {
            _unsent.AddLast(s.Node);
        }

        while (PendingCount > _options.MaxPendingSummaries)
        {
            DropOldest();
        }
    }

    public StoreAndForwardCounters Counters { get; } = new();

    /// <summary>Summaries journaled and not yet acknowledged (unsent plus in flight).</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _unsent.Count + _inFlight.Count;
            }
        }
    }

    /// <summary>The sequence number the next summary will get.</summary>
    public long NextSequence
    {
        get
        {
            lock (_lock)
            {
                return _nextSequence;
            }
        }
    }

    /// <summary>Path of the journal file.</summary>
    public string JournalPath => _journal.Path;

    /// <summary>Stamps the next sequence number on <paramref name="summary"/>, journals it durably and queues it; returns the sequence.</summary>
    public long Enqueue(ProbeSummary summary) => EnqueueRange([summary]);

    /// <summary>Journals several summaries with one flush; returns the sequence of the last one.</summary>
    public long EnqueueRange(IReadOnlyList<ProbeSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (summaries.Count == 0)
        {
            throw new ArgumentException("nothing to enqueue", nameof(summaries));
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stamped = new PendingSummary[summaries.Count];
            for (int i = 0; i < summaries.Count; i++)
            {
                var s = summaries[i];
                if (!string.Equals(s.AgentId, _agentId, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"summary of agent '{s.AgentId}' given to the publisher of '{_agentId}'", nameof(summaries));
                }

                long sequence = _nextSequence + i;
                stamped[i] = new PendingSummary(sequence, MessageCodec.EncodeSummary(s with { Sequence = sequence }));
            }

            _journal.AppendData(stamped);
            _nextSequence += stamped.Length;
            Counters.AddJournaled(stamped.Length);
            foreach (var p in stamped)
            {
                _unsent.AddLast(p.Node);
            }

            while (_unsent.Count + _inFlight.Count > _options.MaxPendingSummaries)
            {
                DropOldest();
            }

            MaybeCompact();
            _dataAvailable.Set();
            return _nextSequence - 1;
        }
    }

    /// <summary>Takes up to <paramref name="maxSummaries"/> unsent summaries (at most <paramref name="maxBytes"/> of JSON) into flight.</summary>
    internal OutgoingBatch? TryTake(int maxSummaries, int maxBytes)
    {
        lock (_lock)
        {
            if (_unsent.First is null)
            {
                return null;
            }

            var items = new List<PendingSummary>(Math.Min(maxSummaries, _unsent.Count));
            int bytes = 0;
            while (_unsent.First is { } node && items.Count < maxSummaries && (items.Count == 0 || bytes + node.Value.Json.Length <= maxBytes))
            {
                bytes += node.Value.Json.Length;
                _unsent.RemoveFirst();
                _inFlight.AddLast(node);
                items.Add(node.Value);
            }

            return new OutgoingBatch(items);
        }
    }

    /// <summary>The broker acknowledged <paramref name="batch"/>: forget it (idempotent; summaries dropped meanwhile are skipped).</summary>
    internal void Complete(OutgoingBatch batch)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var removed = new List<long>(batch.Items.Count);
            foreach (var item in batch.Items)
            {
                if (item.Node.List is { } list)
                {
                    list.Remove(item.Node);
                    removed.Add(item.Sequence);
                }
            }

            _journal.AppendRemoval(JournalRecordKind.Acknowledged, removed);
            Counters.AddAcknowledged(removed.Count);
            _removedSinceCompaction += removed.Count;
            MaybeCompact();
            if (_unsent.Count + _inFlight.Count == 0)
            {
                _drained.Set();
            }
        }
    }

    /// <summary>The connection dropped: everything in flight goes back in front of the unsent, in order.</summary>
    internal void Rewind()
    {
        lock (_lock)
        {
            while (_inFlight.Last is { } node)
            {
                _inFlight.RemoveLast();
                _unsent.AddFirst(node);
            }

            if (_unsent.Count > 0)
            {
                _dataAvailable.Set();
            }
        }
    }

    /// <summary>Completes when there may be something to take.</summary>
    internal Task WaitForDataAsync(CancellationToken cancellationToken) => _dataAvailable.WaitAsync(cancellationToken);

    /// <summary>Completes once every journaled summary has been acknowledged (or dropped).</summary>
    public async Task WaitUntilDrainedAsync(CancellationToken cancellationToken)
    {
        while (PendingCount > 0)
        {
            await _drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _journal.Dispose();
        }

        _dataAvailable.Dispose();
        _drained.Dispose();
    }

    private void DropOldest()
    {
        var node = _inFlight.First ?? _unsent.First;
        if (node is null)
        {
            return;
        }

        node.List!.Remove(node);
        _journal.AppendRemoval(JournalRecordKind.Dropped, [node.Value.Sequence]);
        Counters.AddDropped(1);
        _removedSinceCompaction++;
        long now = _time.GetTimestamp();
        if (_lastDropLog == long.MinValue || _time.GetElapsedTime(_lastDropLog, now) >= DropLogInterval)
        {
            _lastDropLog = now;
            StoreAndForwardLog.Dropped(_logger, _options.MaxPendingSummaries, node.Value.Sequence, Counters.Dropped);
        }
    }

    private void MaybeCompact()
    {
        int live = _unsent.Count + _inFlight.Count;
        if (_removedSinceCompaction >= Math.Max(_options.CompactAfterRemovals, live))
        {
            _journal.Rewrite(_inFlight.Concat(_unsent), _nextSequence);
            _removedSinceCompaction = 0;
        }
    }
}
