namespace NetControl.Probes.Capture;

/// <summary>
/// Capture timestamps waiting for the socket side to claim them, bounded in count and age. The capture thread adds,
/// the receiving thread takes (waiting a little when the capture lags). Claimed entries leave the age queue lazily,
/// so it is capped at twice the capacity as well. When a key is captured twice before it is
/// claimed, the first capture wins and the duplicate is dropped.
/// </summary>
internal sealed class CaptureStampStore(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<DatagramKey, long> _stamps = [];
    private readonly Queue<(DatagramKey Key, long Stamp, long AddedAt)> _order = new();
    private readonly long _lifetimeTicks = (long)(lifetime.TotalSeconds * time.TimestampFrequency);

    /// <summary>Timestamps currently held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _stamps.Count;
            }
        }
    }

    /// <summary>Timestamps forgotten unclaimed (expired or pushed out by the capacity).</summary>
    public long Evicted { get; private set; }

    /// <summary>Records the capture time of <paramref name="key"/> and wakes waiting takers.</summary>
    public void Add(DatagramKey key, long captureUnixNanoseconds)
    {
        lock (_gate)
        {
            long now = time.GetTimestamp();
            Expire(now);
            if (_stamps.TryAdd(key, captureUnixNanoseconds))
            {
                _order.Enqueue((key, captureUnixNanoseconds, now));
                while (_stamps.Count > capacity || _order.Count > 2 * capacity)
                {
                    Evict();
                }
            }

            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Takes the capture time of <paramref name="key"/>, waiting up to <paramref name="wait"/> for it to be captured.</summary>
    public bool TryTake(DatagramKey key, TimeSpan wait, out long captureUnixNanoseconds)
    {
        long deadline = Environment.TickCount64 + (long)Math.Ceiling(wait.TotalMilliseconds);
        lock (_gate)
        {
            while (!_stamps.Remove(key, out captureUnixNanoseconds))
            {
                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_gate, (int)remaining);
            }

            return true;
        }
    }

    private void Expire(long now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.AddedAt > _lifetimeTicks)
        {
            Evict();
        }
    }

    private void Evict()
    {
        var (key, stamp, _) = _order.Dequeue();
        if (_stamps.TryGetValue(key, out long held) && held == stamp)
        {
            _stamps.Remove(key);
            Evicted++;
        }
    }
}
