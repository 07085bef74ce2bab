using NetControl.Probes.Metrics;
using NetControl.Probes.Stamp;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Sessions;

/// <summary>
/// The bookkeeping of a STAMP session-sender, without sockets: numbers outgoing packets, matches replies by sender
/// sequence number and T1, applies Tmax (RFC 7680: a packet not answered within Tmax is lost, and a later reply does
/// not revive it) and groups packets by the reporting interval they were sent in. An interval is summarised once it has
/// ended and every packet in it is resolved, so a summary is final. Scheduling and Tmax run on the injected
/// <see cref="TimeProvider"/>; the T1/T2/T3/T4 timestamps come from the packets. Thread-safe.
/// </summary>
public sealed class StampSessionTracker
{
    private const int RememberedResolutions = 65_536;

    private readonly TimeProvider _time;
    private readonly TimeSpan _tmax;
    private readonly TimeSpan _interval;
    private readonly ReceiveClock _defaultClock;
    private readonly Lock _lock = new();
    private readonly Dictionary<uint, Pending> _pending = [];
    private readonly Dictionary<uint, Resolution> _resolved = [];
    private readonly Queue<uint> _resolvedOrder = new();
    private readonly List<Bucket> _buckets = [];
    private readonly InterarrivalJitter _jitter = new();
    private long _next;
    private long _highestReceived = -1;

    /// <summary>Creates a tracker.</summary>
    /// <param name="time">Clock for interval boundaries and Tmax.</param>
    /// <param name="tmax">Waiting time after which an unanswered packet is lost.</param>
    /// <param name="reportingInterval">Length of a reporting interval.</param>
    /// <param name="defaultClock">The receive clock reported for an interval with no reply.</param>
    public StampSessionTracker(TimeProvider time, TimeSpan tmax, TimeSpan reportingInterval, ReceiveClock defaultClock)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tmax, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reportingInterval, TimeSpan.Zero);
        _time = time;
        _tmax = tmax;
        _interval = reportingInterval;
        _defaultClock = defaultClock;
    }

    /// <summary>True while some sent packet is neither answered nor past Tmax.</summary>
    public bool HasOutstanding
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>Number of packets registered so far.</summary>
    public long Sent
    {
        get
        {
            lock (_lock)
            {
                return _next;
            }
        }
    }

    /// <summary>Registers the next packet, about to be sent with timestamp <paramref name="t1"/>; returns its sequence number. Call before sending, so a fast reply finds it.</summary>
    public uint RegisterSent(NtpTimestamp t1)
    {
        lock (_lock)
        {
            var bucket = Current(_time.GetUtcNow());
            var index = _next++;
            var sequence = (uint)index;
            _pending[sequence] = new Pending(index, t1, _time.GetTimestamp(), bucket);
            bucket.Sent++;
            bucket.Outstanding++;
            return sequence;
        }
    }

    /// <summary>Accounts a reflected packet received at <paramref name="receivedUnixNanoseconds"/> (T4, on the same clock as T1) stamped by <paramref name="clock"/>.</summary>
    public ReplyOutcome OnReply(in StampReflectorPacket reply, long receivedUnixNanoseconds, ReceiveClock clock)
    {
        lock (_lock)
        {
            var sequence = reply.SenderSequenceNumber;
            if (_pending.TryGetValue(sequence, out var pending) && pending.T1 == reply.SenderTimestamp)
            {
                if (PacketLoss.IsExpired(_time, pending.SentTimestamp, _time.GetTimestamp(), _tmax))
                {
                    var lost = Expire(sequence, pending);
                    lost.LateSeen = true;
                    pending.Bucket.Late++;
                    return ReplyOutcome.Late;
                }

                _pending.Remove(sequence);
                var t4 = NtpTimestamp.FromUnixNanoseconds(receivedUnixNanoseconds);
                var rtt = RoundTripDelay.Compute(pending.T1, reply.ReceiveTimestamp, reply.Timestamp, t4, reply.ErrorEstimate.PtpFormat);
                var bucket = pending.Bucket;
                bucket.Outstanding--;
                bucket.Delays.Add((pending.Index, rtt));
                bucket.Clock = bucket.Clock is { } seen && seen > clock ? seen : clock;
                if (pending.Index < _highestReceived)
                {
                    bucket.Reordered++;
                }
                else
                {
                    _highestReceived = pending.Index;
                }

                _jitter.Update(rtt);
                bucket.Jitter = _jitter.Value;
                Remember(sequence, new Resolution(pending.T1, bucket, Received: true));
                return ReplyOutcome.Matched;
            }

            if (_resolved.TryGetValue(sequence, out var resolution) && resolution.T1 == reply.SenderTimestamp)
            {
                if (resolution.Received)
                {
                    resolution.Bucket.Duplicates++;
                    return ReplyOutcome.Duplicate;
                }

                if (!resolution.LateSeen)
                {
                    resolution.LateSeen = true;
                    resolution.Bucket.Late++;
                }

                return ReplyOutcome.Late;
            }

            return ReplyOutcome.Unknown;
        }
    }

    /// <summary>Declares lost every packet past Tmax and returns the summaries of intervals that have ended and are fully resolved, oldest first.</summary>
    public IReadOnlyList<StampIntervalSummary> Poll()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var timestamp = _time.GetTimestamp();
            foreach (var (sequence, pending) in _pending.Where(p => PacketLoss.IsExpired(_time, p.Value.SentTimestamp, timestamp, _tmax)).ToArray())
            {
                Expire(sequence, pending);
            }

            return Drain(now);
        }
    }

    /// <summary>
    /// Ends the session: the current interval ends now, and every interval with nothing outstanding is summarised.
    /// Call once <see cref="HasOutstanding"/> is false (intervals still waiting for replies are not returned).
    /// </summary>
    public IReadOnlyList<StampIntervalSummary> Complete()
    {
        var expired = Poll();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_buckets.Count > 0 && _buckets[^1].End > now)
            {
                _buckets[^1].End = now;
            }

            return [.. expired, .. Drain(now)];
        }
    }

    private Bucket Current(DateTimeOffset now)
    {
        if (_buckets.Count == 0)
        {
            _buckets.Add(new Bucket(now, now + _interval));
        }
        else if (now >= _buckets[^1].End)
        {
            var last = _buckets[^1].End;
            var skipped = (now - last).Ticks / _interval.Ticks;
            var start = last + TimeSpan.FromTicks(skipped * _interval.Ticks);
            _buckets.Add(new Bucket(start, start + _interval));
        }

        return _buckets[^1];
    }

    private Resolution Expire(uint sequence, Pending pending)
    {
        _pending.Remove(sequence);
        pending.Bucket.Outstanding--;
        pending.Bucket.Lost++;
        var resolution = new Resolution(pending.T1, pending.Bucket, Received: false);
        Remember(sequence, resolution);
        return resolution;
    }

    private void Remember(uint sequence, Resolution resolution)
    {
        if (_resolved.TryAdd(sequence, resolution))
        {
            _resolvedOrder.Enqueue(sequence);
        }
        else
        {
            _resolved[sequence] = resolution;
        }

        while (_resolvedOrder.Count > RememberedResolutions)
        {
            _resolved.Remove(_resolvedOrder.Dequeue());
        }
    }

    private List<StampIntervalSummary> Drain(DateTimeOffset now)
    {
        var done = new List<StampIntervalSummary>();
        while (_buckets.Count > 0 && _buckets[0].End <= now && _buckets[0].Outstanding == 0)
        {
            done.Add(Summarise(_buckets[0]));
            _buckets.RemoveAt(0);
        }

        return done;
    }

    private StampIntervalSummary Summarise(Bucket bucket) => new(
        bucket.Start,
        bucket.End,
        bucket.Sent,
        bucket.Delays.Count,
        bucket.Lost,
        bucket.Late,
        bucket.Duplicates,
        bucket.Reordered,
        DelayStatistics.From(bucket.Delays.Select(d => d.Delay)),
        bucket.Delays.Count > 0 ? bucket.Jitter : null,
        IpdvStatistics.From(bucket.Delays),
        bucket.Clock ?? _defaultClock);

    private sealed record Pending(long Index, NtpTimestamp T1, long SentTimestamp, Bucket Bucket);

    private sealed record Resolution(NtpTimestamp T1, Bucket Bucket, bool Received)
    {
        public bool LateSeen { get; set; }
    }

    private sealed class Bucket(DateTimeOffset start, DateTimeOffset end)
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; set; } = end;

        public long Sent { get; set; }

        public long Outstanding { get; set; }

        public long Lost { get; set; }

        public long Late { get; set; }

        public long Duplicates { get; set; }

        public long Reordered { get; set; }

        public TimeSpan Jitter { get; set; }

        public ReceiveClock? Clock { get; set; }

        public List<(long Sequence, TimeSpan Delay)> Delays { get; } = [];
    }
}
