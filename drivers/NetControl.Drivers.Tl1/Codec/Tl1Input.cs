using System.Buffers;
using System.Text;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Offset-based reading of a parser's input (ASCII, decoded one character a byte). A single-segment buffer is read in
/// place; a many-segment one is copied, lazily and only as far as the parser looks, into one pooled array, so that a
/// message spread over many pipe segments is searched with span operations instead of segment walks. Dispose to
/// return the array.
/// </summary>
internal sealed class Tl1Input : IDisposable
{
    private const int FirstCopy = 4096;

    private static readonly SearchValues<byte> Terminators = SearchValues.Create(";>"u8);

    private readonly ReadOnlySequence<byte> _buffer;
    private byte[]? _copy;
    private int _copied;

    public Tl1Input(ReadOnlySequence<byte> buffer)
    {
        _buffer = buffer;
        Length = Math.Min(buffer.Length, Array.MaxLength);
    }

    /// <summary>How many bytes there are (capped at the largest array; no parser window comes near it).</summary>
    public long Length { get; }

    public SequencePosition Position(long offset) => _buffer.GetPosition(offset);

    public string Decode(long start, long end) => Encoding.Latin1.GetString(Span(start, end));

    /// <summary>The first offset at or after <paramref name="start"/> holding none of <paramref name="skip"/>, or the length.</summary>
    public long SkipAny(long start, SearchValues<byte> skip)
    {
        long found = Search(start, Length, span => span.IndexOfAnyExcept(skip));
        return found >= 0 ? found : Length;
    }

    /// <summary>The offset of the first <paramref name="value"/> in [start, end), or -1.</summary>
    public long IndexOf(byte value, long start, long end) => Search(start, end, span => span.IndexOf(value));

    /// <summary>True when a <c>;</c> or <c>&gt;</c> occurs in [start, end).</summary>
    public bool ContainsTerminator(long start, long end) => Search(start, end, static span => span.IndexOfAny(Terminators)) >= 0;

    /// <summary>
    /// The line starting at <paramref name="start"/>, complete when its line feed comes before <paramref name="limit"/>;
    /// else what there is of it before the limit (and before the end of the input).
    /// </summary>
    public Tl1Line ReadLine(long start, long limit)
    {
        long end = Math.Min(Length, limit);
        long feed = IndexOf((byte)'\n', start, end);
        return feed >= 0 ? new Tl1Line(start, feed, true, Decode(start, feed)) : new Tl1Line(start, end, false, Decode(start, end));
    }

    /// <summary>Where to resume after input too long to frame: past the first line feed at or after <paramref name="from"/>, else the end.</summary>
    public long SkipOversized(long from)
    {
        long feed = IndexOf((byte)'\n', Math.Min(from, Length), Length);
        return feed >= 0 ? feed + 1 : Length;
    }

    public void Dispose()
    {
        if (_copy is { } copy)
        {
            _copy = null;
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Runs <paramref name="find"/> over [start, end) piece by piece, copying no further than needed; the offset found or -1.</summary>
    private long Search(long start, long end, SpanSearch find)
    {
        for (long from = start; from < end;)
        {
            long to = _buffer.IsSingleSegment ? end : Math.Min(end, Math.Max(_copied, from + FirstCopy));
            int found = find(Span(from, to));
            if (found >= 0)
            {
                return from + found;
            }

            from = to;
        }

        return -1;
    }

    private ReadOnlySpan<byte> Span(long start, long end)
    {
        if (_buffer.IsSingleSegment)
        {
            return _buffer.FirstSpan[(int)start..(int)end];
        }

        if (end > _copied)
        {
            Grow(end);
        }

        return _copy.AsSpan((int)start, (int)(end - start));
    }

    /// <summary>Copies at least up to <paramref name="end"/>, at least doubling what was copied so far.</summary>
    private void Grow(long end)
    {
        int target = (int)Math.Min(Length, Math.Max(end, Math.Max(FirstCopy, 2L * _copied)));
        byte[] grown = ArrayPool<byte>.Shared.Rent(target);
        if (_copy is { } old)
        {
            old.AsSpan(0, _copied).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(old);
        }

        _buffer.Slice(_copied, target - _copied).CopyTo(grown.AsSpan(_copied));
        _copy = grown;
        _copied = target;
    }

    private delegate int SpanSearch(ReadOnlySpan<byte> span);
}
