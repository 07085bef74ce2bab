using System.Diagnostics.CodeAnalysis;

namespace NetControl.Core.Telemetry;

/// <summary>
/// Turns probe samples into link quality, history and probe alarms. Thread-safe and built for the ingest hot path:
/// one lock per link (no global lock), no allocation per sample beyond an event when one is raised, no LINQ.
/// <para>
/// Events are raised after the link's lock is released, in order per link (one thread at a time drains a link's
/// events; another link's events may interleave). For one sample, <see cref="ConditionChanged"/> comes before
/// <see cref="QualityChanged"/>. A handler runs on the thread that recorded a sample; an exception it throws
/// propagates to that caller, and the link's remaining events go out with its next event.
/// </para>
/// <para>Time: a quality is stamped with the end of its sample's interval; the injected clock only bounds how far in
/// the future a sample may end (<see cref="LinkTelemetryOptions.MaxClockSkew"/>).</para>
/// </summary>
public sealed class LinkTelemetry
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinkEntry> _links = new(StringComparer.Ordinal);
    private readonly LinkTelemetryOptions _options;
    private readonly TimeProvider _time;
    private readonly long _maxSkewTicks;
    private int _linkCount; // entries created, maintained here because ConcurrentDictionary.Count takes every lock

    /// <summary>Creates the tracker; throws <see cref="ArgumentOutOfRangeException"/> for invalid options.</summary>
    public LinkTelemetry(LinkTelemetryOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new LinkTelemetryOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _maxSkewTicks = _options.MaxClockSkew.Ticks;
    }

    /// <summary>Raised when probe alarms move a link between Up, Degraded and Down.</summary>
    public event Action<LinkConditionChange>? ConditionChanged;

    /// <summary>Raised for a link's first sample, when its quality moves by more than the threshold, or when its condition changes.</summary>
    public event Action<LinkQualityChange>? QualityChanged;

    /// <summary>Accepted and rejected counts.</summary>
    public LinkTelemetryCounters Counters { get; } = new();

    /// <summary>Records one sample; false (and the reason counted) when it is invalid, from the future or stale. Never throws for bad data.</summary>
    public bool TryRecord(in LinkSample sample) => TryRecord(sample, out _);

    /// <summary>Records one sample and says why it was rejected, if it was.</summary>
    public bool TryRecord(in LinkSample sample, out SampleRejection rejection)
    {
        rejection = SampleValidator.Check(sample);
        if (rejection == SampleRejection.None
            && sample.IntervalStart.UtcTicks + sample.Interval.Ticks > _time.GetUtcNow().UtcTicks + _maxSkewTicks)
        {
            rejection = SampleRejection.FromFuture;
        }

        if (rejection != SampleRejection.None)
        {
            Counters.CountRejected(rejection);
            return false;
        }

        if (!_links.TryGetValue(sample.LinkId, out LinkEntry? entry) && !TryAddLink(sample.LinkId, out entry))
        {
            rejection = SampleRejection.TooManyLinks;
            Counters.CountRejected(rejection);
            return false;
        }

        bool mustDispatch;
        lock (entry.Gate)
        {
            rejection = entry.Apply(sample, _options, out mustDispatch);
        }

        if (rejection != SampleRejection.None)
        {
            Counters.CountRejected(rejection);
            return false;
        }

        Counters.CountAccepted();
        if (mustDispatch)
        {
            Dispatch(entry);
        }

        return true;
    }

    /// <summary>Records each sample in order; returns how many were accepted.</summary>
    public int RecordRange(ReadOnlySpan<LinkSample> samples)
    {
        int accepted = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            if (TryRecord(samples[i], out _))
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>The link's quality after its latest accepted sample, or null when none was accepted.</summary>
    public LinkQuality? Latest(string linkId)
    {
        ArgumentNullException.ThrowIfNull(linkId);
        if (!_links.TryGetValue(linkId, out LinkEntry? entry))
        {
            return null;
        }

        lock (entry.Gate)
        {
            return entry.Latest();
        }
    }

    /// <summary>The latest quality of every link with an accepted sample, ordered by link id (ordinal).</summary>
    public IReadOnlyList<LinkQuality> All()
    {
        var result = new List<LinkQuality>(_links.Count);
        foreach (KeyValuePair<string, LinkEntry> pair in _links)
        {
            LinkQuality? latest;
            lock (pair.Value.Gate)
            {
                latest = pair.Value.Latest();
            }

            if (latest is not null)
            {
                result.Add(latest);
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.LinkId, b.LinkId));
        return result;
    }

    /// <summary>
    /// The link's retained samples in arrival order (oldest first; at most <see cref="LinkTelemetryOptions.HistoryCapacity"/>),
    /// only those whose interval starts at or after <paramref name="since"/> when given. Empty for an unknown link.
    /// </summary>
    public IReadOnlyList<LinkSample> History(string linkId, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(linkId);
        if (!_links.TryGetValue(linkId, out LinkEntry? entry))
        {
            return [];
        }

        lock (entry.Gate)
        {
            return entry.History(since);
        }
    }

    /// <summary>Creates the link's entry unless <see cref="LinkTelemetryOptions.MaxLinks"/> are tracked (slow path: once a link).</summary>
    private bool TryAddLink(string linkId, [NotNullWhen(true)] out LinkEntry? entry)
    {
        if (Interlocked.Increment(ref _linkCount) > _options.MaxLinks)
        {
            Interlocked.Decrement(ref _linkCount);
            return _links.TryGetValue(linkId, out entry); // another thread may have added it just now
        }

        var candidate = new LinkEntry(linkId, _options);
        entry = _links.GetOrAdd(linkId, candidate);
        if (!ReferenceEquals(entry, candidate))
        {
            Interlocked.Decrement(ref _linkCount); // another thread added the link first and counted it
        }

        return true;
    }

    private void Dispatch(LinkEntry entry)
    {
        bool finished = false;
        try
        {
            while (entry.TryDequeue(out object? next))
            {
                if (next is LinkConditionChange condition)
                {
                    ConditionChanged?.Invoke(condition);
                }
                else if (next is LinkQualityChange quality)
                {
                    QualityChanged?.Invoke(quality);
                }
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                entry.AbandonDispatch();
            }
        }
    }
}
