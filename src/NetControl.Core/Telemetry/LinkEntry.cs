using NetControl.Core.LinkState;

namespace NetControl.Core.Telemetry;

/// <summary>
/// Everything <see cref="LinkTelemetry"/> keeps for one link, guarded by <see cref="Gate"/>: history, alarm state,
/// the latest sample (as a struct: no allocation per sample), the last reported quality and the events waiting to
/// be raised. Events leave through a single dispatcher at a time, so handlers see them in order without a lock held.
/// </summary>
internal sealed class LinkEntry
{
    private readonly Queue<object> _pending = new();
    private readonly SampleRing _history;
    private readonly SourceCursors _cursors = new();
    private readonly ProbeAlarmMachine _alarms;
    private LinkSample _latest;
    private double _latestQuality;
    private bool _hasLatest;
    private LinkQuality? _latestView; // built on demand, dropped by the next sample
    private LinkQuality? _reported;
    private bool _dispatching;

    public LinkEntry(string linkId, LinkTelemetryOptions options)
    {
        LinkId = linkId;
        _history = new SampleRing(options.HistoryCapacity);
        _alarms = new ProbeAlarmMachine(options.Alarms);
    }

    public Lock Gate { get; } = new();

    public string LinkId { get; }

    /// <summary>
    /// Applies an already validated sample (caller holds <see cref="Gate"/>). Returns <see cref="SampleRejection.Stale"/>
    /// or <see cref="SampleRejection.None"/>; <paramref name="mustDispatch"/> is true when the caller became this
    /// link's dispatcher and must call <see cref="TryDequeue"/> until it returns false, after releasing the lock.
    /// </summary>
    public SampleRejection Apply(in LinkSample sample, LinkTelemetryOptions options, out bool mustDispatch)
    {
        mustDispatch = false;
        if (!_cursors.TryAdvance(sample.Source, sample.IntervalStart.UtcTicks))
        {
            return SampleRejection.Stale;
        }

        _history.Add(sample);
        _latest = sample;
        _latestQuality = options.Formula.Evaluate(sample);
        _hasLatest = true;
        _latestView = null;

        int queued = _pending.Count;
        if (_alarms.Observe(sample, out LinkCondition previous, out string? cause))
        {
            _pending.Enqueue(new LinkConditionChange(LinkId, previous, _alarms.Condition, cause!, sample.IntervalEnd));
        }

        if (_reported is null || _reported.Condition != _alarms.Condition
            || Moved(_reported.Quality, _latestQuality, options.QualityChangeThreshold))
        {
            LinkQuality current = BuildLatest();
            _pending.Enqueue(new LinkQualityChange(_reported, current));
            _reported = current;
        }

        if (_pending.Count > queued && !_dispatching)
        {
            _dispatching = true;
            mustDispatch = true;
        }

        return SampleRejection.None;
    }

    /// <summary>The latest quality, or null before the first sample (caller holds <see cref="Gate"/>).</summary>
    public LinkQuality? Latest() => _hasLatest ? BuildLatest() : null;

    /// <summary>History copy (caller holds <see cref="Gate"/>).</summary>
    public LinkSample[] History(DateTimeOffset? since) => _history.Snapshot(LinkId, since);

    /// <summary>Takes the next pending event; when none is left, ends this dispatcher's turn and returns false.</summary>
    public bool TryDequeue(out object? next)
    {
        lock (Gate)
        {
            if (_pending.TryDequeue(out next))
            {
                return true;
            }

            _dispatching = false;
            return false;
        }
    }

    /// <summary>Ends the dispatcher's turn after a handler threw; the events left go out with the link's next event.</summary>
    public void AbandonDispatch()
    {
        lock (Gate)
        {
            _dispatching = false;
        }
    }

    private static bool Moved(double reported, double current, double threshold) =>
        reported == 0 ? current != 0 : Math.Abs(current - reported) > threshold * reported;

    private LinkQuality BuildLatest() =>
        _latestView ??= new LinkQuality(
            LinkId,
            _latest.IntervalEnd,
            _latestQuality,
            _latest.RttMedianMs,
            _latest.JitterMs,
            _latest.LossRatio,
            _latest.AvailableMbpsLow,
            _latest.AvailableMbpsHigh,
            _alarms.Condition,
            _latest.Source);
}
