namespace NetControl.Core.Telemetry;

/// <summary>
/// A link's recent samples (compacted, see <see cref="StoredSample"/>), oldest first: a ring of at most <c>capacity</c> entries that grows by doubling (so a link
/// probed for a minute does not hold an hour's array) and then overwrites the oldest. Not thread-safe.
/// </summary>
internal sealed class SampleRing
{
    private const int InitialSize = 16;
    private readonly int _capacity;
    private StoredSample[] _items = [];
    private int _head; // index of the oldest entry
    private int _count;

    public SampleRing(int capacity) => _capacity = capacity;

    public int Count => _count;

    public void Add(in LinkSample sample)
    {
        if (_count < _items.Length)
        {
            _items[(_head + _count) % _items.Length] = new StoredSample(sample);
            _count++;
            return;
        }

        if (_items.Length < _capacity)
        {
            Grow();
            _items[_count++] = new StoredSample(sample);
            return;
        }

        _items[_head] = new StoredSample(sample); // full: overwrite the oldest
        _head = (_head + 1) % _items.Length;
    }

    /// <summary>Copies the entries whose interval starts at or after <paramref name="since"/> (all when null), oldest first.</summary>
    public LinkSample[] Snapshot(string linkId, DateTimeOffset? since)
    {
        long from = since is { } s ? s.UtcTicks : long.MinValue;
        int matching = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_items[(_head + i) % _items.Length].StartTicks >= from)
            {
                matching++;
            }
        }

        var result = new LinkSample[matching];
        int next = 0;
        for (int i = 0; i < _count && next < matching; i++)
        {
            ref readonly StoredSample item = ref _items[(_head + i) % _items.Length];
            if (item.StartTicks >= from)
            {
                result[next++] = item.ToSample(linkId);
            }
        }

        return result;
    }

    private void Grow()
    {
        int size = Math.Min(_capacity, Math.Max(InitialSize, _items.Length * 2));
        var grown = new StoredSample[size];
        for (int i = 0; i < _count; i++)
        {
            grown[i] = _items[(_head + i) % _items.Length];
        }

        _items = grown;
        _head = 0;
    }
}
