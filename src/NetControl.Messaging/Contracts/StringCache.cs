namespace NetControl.Messaging.Contracts;

/// <summary>
/// Hands out one string per distinct short text (agent, target and link ids repeat in every batch), so decoding a
/// summary allocates no new id strings. Bounded: past <see cref="Capacity"/> distinct texts new ones are not kept.
/// Not thread-safe: one per thread.
/// </summary>
internal sealed class StringCache
{
    public const int Capacity = 16_384;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        string created = text.ToString();
        if (_strings.Count < Capacity)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
