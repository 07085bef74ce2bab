namespace NetControl.Controller.Dashboard;

/// <summary>
/// The updates waiting for one client: keyed updates coalesced (the latest wins), log events kept in order up to a
/// bound (the oldest dropped first). <see cref="Offer"/> never waits for the client: it takes a short lock, so a
/// slow or stuck client costs the event source nothing but memory bounded by the options.
/// </summary>
public sealed class ClientBuffer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Order, DashboardUpdate Update)> _latest = new(StringComparer.Ordinal);
    private readonly Queue<(long Order, DashboardUpdate Update)> _events = new();
    private readonly int _maxKeys;
    private readonly int _maxEvents;
    private long _order;
    private int _dropped;
    private bool _resync;

    public ClientBuffer(int maxKeys, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        _maxKeys = maxKeys;
        _maxEvents = maxEvents;
    }

    /// <summary>Updates offered since the buffer was created.</summary>
    public long Offered { get; private set; }

    /// <summary>Updates replaced by a later one with the same key before they were sent.</summary>
    public long Coalesced { get; private set; }

    /// <summary>Updates dropped because a bound was reached.</summary>
    public long DroppedTotal { get; private set; }

    /// <summary>Items waiting to be sent.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _latest.Count + _events.Count;
            }
        }
    }

    public void Offer(DashboardUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            Offered++;
            long order = _order++;
            if (update.Key is null)
            {
                if (_events.Count == _maxEvents)
                {
                    _events.Dequeue();
                    Drop();
                }

                _events.Enqueue((order, update));
            }
            else if (_latest.ContainsKey(update.Key))
            {
                _latest[update.Key] = (order, update);
                Coalesced++;
            }
            else if (_latest.Count >= _maxKeys)
            {
                Drop();
                _resync = true;
            }
            else
            {
                _latest.Add(update.Key, (order, update));
            }
        }
    }

    /// <summary>Takes everything pending, in the order it was offered (a coalesced item at its latest position); null when nothing is.</summary>
    public DrainedUpdates? Drain()
    {
        List<(long Order, DashboardUpdate Update)> items;
        int dropped;
        bool resync;
        lock (_gate)
        {
            if (_latest.Count == 0 && _events.Count == 0 && _dropped == 0 && !_resync)
            {
                return null;
            }

            items = new List<(long, DashboardUpdate)>(_latest.Count + _events.Count);
            items.AddRange(_latest.Values);
            items.AddRange(_events);
            _latest.Clear();
            _events.Clear();
            dropped = _dropped;
            resync = _resync;
            _dropped = 0;
            _resync = false;
        }

        items.Sort(static (x, y) => x.Order.CompareTo(y.Order));
        var updates = new DashboardUpdate[items.Count];
        for (int i = 0; i < updates.Length; i++)
        {
            updates[i] = items[i].Update;
        }

        return new DrainedUpdates(updates, dropped, resync);
    }

    private void Drop()
    {
        _dropped++;
        DroppedTotal++;
    }
}

/// <summary>What <see cref="ClientBuffer.Drain"/> took: the updates, how many were dropped since the last drain, and whether keyed ones were lost.</summary>
public sealed record DrainedUpdates(IReadOnlyList<DashboardUpdate> Updates, int Dropped, bool Resync);
