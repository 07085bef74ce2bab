using System.Buffers;
using System.IO.Pipelines;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// The read loop every TL1 endpoint needs (client session, simulated switch, test peers): read from a pipe, hand
/// each parsed item or parse error to a handler in order, advance past what was consumed, until the writer
/// completes. Returns normally when the pipe ends; cancellation and I/O errors propagate to the caller.
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

            input.AdvanceTo(consumed, examined);
            if (read.IsCompleted || read.IsCanceled)
            {
                return;
            }
        }
    }
}
