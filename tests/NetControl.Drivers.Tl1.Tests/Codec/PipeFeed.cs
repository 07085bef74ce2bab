using System.Buffers;
using NetControl.Drivers.Tl1.Codec;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>
/// Feeds a parser the way a pipe reader would: keeps what was not consumed (as separate segments), appends each new
/// chunk, and calls the parser until it asks for more. Checks the contract on every call: exactly one of item and
/// error on true, progress on true, examined at the end on false.
/// </summary>
internal sealed class PipeFeed<T>(TryParseFunc<T> parse)
    where T : class
{
    private readonly List<byte[]> _pending = [];

    public List<(T? Item, Tl1ParseError? Error)> Results { get; } = [];

    public IEnumerable<T> Items => Results.Where(r => r.Item is not null).Select(r => r.Item!);

    public IEnumerable<Tl1ParseError> Errors => Results.Where(r => r.Error is not null).Select(r => r.Error!);

    /// <summary>Bytes received and not yet consumed.</summary>
    public long Pending => _pending.Sum(p => (long)p.Length);

    public static PipeFeed<T> Run(TryParseFunc<T> parse, IEnumerable<byte[]> chunks)
    {
        var feed = new PipeFeed<T>(parse);
        foreach (byte[] chunk in chunks)
        {
            feed.Append(chunk);
        }

        return feed;
    }

    public void Append(byte[] chunk)
    {
        if (chunk.Length > 0)
        {
            _pending.Add(chunk);
        }

        Drain();
    }

    private void Drain()
    {
        long budget = Pending + 2;
        while (true)
        {
            var buffer = Segments.Of([.. _pending]);
            bool done = parse(buffer, out var consumed, out var examined, out var item, out var error);
            long consumedBytes = buffer.Slice(0, consumed).Length;
            long examinedBytes = buffer.Slice(0, examined).Length;
            Assert.True(consumedBytes <= examinedBytes, "consumed must not pass examined");
            Keep(buffer.Slice(consumed));
            if (!done)
            {
                Assert.Equal(buffer.Length, examinedBytes);
                Assert.Null(item);
                Assert.Null(error);
                return;
            }

            Assert.True(item is null ^ error is null, "exactly one of item and error");
            Assert.True(consumedBytes > 0, "a result must consume input");
            Assert.True(--budget > 0, "more results than bytes");
            Results.Add((item, error));
        }
    }

    private void Keep(ReadOnlySequence<byte> rest)
    {
        _pending.Clear();
        foreach (var memory in rest)
        {
            if (memory.Length > 0)
            {
                _pending.Add(memory.ToArray());
            }
        }
    }
}
