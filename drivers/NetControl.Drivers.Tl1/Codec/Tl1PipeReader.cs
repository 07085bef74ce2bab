using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// The read loop every TL1 endpoint needs (client session, simulated switch, test peers): read from a pipe, hand
/// each parsed item or parse error to a handler in order, advance past what was consumed, until the writer
/// completes. Input left unparsed when the pipe ends (a message or command cut short by the connection closing) is
/// handed over as a parse error, never dropped silently. Returns normally when the pipe ends; cancellation and I/O
/// errors propagate to the caller.
/// </summary>
public static class Tl1PipeReader
{
    public static async Task ReadAllAsync<T>(PipeReader input, Tl1TryParse<T> parse, Func<T?, Tl1ParseError?, ValueTask> handle, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(handle);
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            SequencePosition consumed = buffer.Start, examined = buffer.Start;
            while (true)
            {
                if (!parse(buffer, out var c, out var e, out var item, out var error))
                {
                    consumed = c;
                    examined = e;
                    break;
                }

                await handle(item, error).ConfigureAwait(false);
                buffer = buffer.Slice(c);
                consumed = examined = c;
            }

            var rest = buffer.Slice(consumed);
            if (read.IsCompleted && !rest.IsEmpty)
            {
                await handle(null, Truncated(rest)).ConfigureAwait(false);
                consumed = examined = buffer.End;
            }

            input.AdvanceTo(consumed, examined);
            if (read.IsCompleted || read.IsCanceled)
            {
                return;
            }
        }
    }

    private static Tl1ParseError Truncated(ReadOnlySequence<byte> rest)
    {
        var head = rest.Slice(0, Math.Min(rest.Length, 64L));
        string text = Encoding.Latin1.GetString(head);
        return Tl1ParseError.About($"input ended in the middle of a message ({rest.Length} bytes unterminated)", text);
    }
}
