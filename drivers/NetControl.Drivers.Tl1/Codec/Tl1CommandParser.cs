using System.Buffers;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Parses client input into <see cref="Tl1Command"/>s (the network element side, e.g. simulators), incrementally.
/// Commands end at a <c>;</c> outside double quotes (a quote never runs past a line break); whitespace and line
/// breaks between commands are skipped; verbs are case-insensitive (<see cref="Tl1Command.Code"/> is upper-cased).
/// Stateless and thread-safe.
/// </summary>
public sealed class Tl1CommandParser
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n\f\v\0"u8);

    private readonly int _maxMessageBytes;

    /// <summary>A parser with <paramref name="options"/> (default <see cref="Tl1CodecOptions.Default"/>).</summary>
    public Tl1CommandParser(Tl1CodecOptions? options = null)
    {
        _maxMessageBytes = (options ?? Tl1CodecOptions.Default).ValidatedMaxMessageBytes();
    }

    /// <summary>
    /// Tries to read one command. False: more bytes are needed (<paramref name="consumed"/> skips leading whitespace,
    /// <paramref name="examined"/> is the end). True: exactly one of <paramref name="command"/> and
    /// <paramref name="error"/> is set and <paramref name="consumed"/> is past its <c>;</c> (for a command longer than
    /// the limit without a <c>;</c>, past the next <c>;</c> or everything received). Never throws on any input.
    /// </summary>
    public bool TryParse(
        in ReadOnlySequence<byte> buffer,
        out SequencePosition consumed,
        out SequencePosition examined,
        out Tl1Command? command,
        out Tl1ParseError? error)
    {
        using var input = new Tl1Input(buffer);
        long start = input.SkipAny(0, Whitespace);
        long end = FindTerminator(buffer.Slice(start), _maxMessageBytes);
        command = null;
        error = null;
        if (end < 0)
        {
            if (buffer.Length - start > _maxMessageBytes)
            {
                error = Tl1CommandSyntax.TooLong(
                    $"command longer than the limit of {_maxMessageBytes} bytes without a ';'",
                    input.Decode(start, Math.Min(input.Length, start + 64)));
                long semicolon = input.IndexOf((byte)';', start + _maxMessageBytes, input.Length);
                consumed = semicolon >= 0 ? input.Position(semicolon + 1) : buffer.End;
                examined = consumed;
                return true;
            }

            consumed = input.Position(start);
            examined = buffer.End;
            return false;
        }

        command = Tl1CommandSyntax.Parse(input.Decode(start, start + end), out error);
        consumed = input.Position(start + end + 1);
        examined = consumed;
        return true;
    }

    /// <summary>The offset of the first <c>;</c> outside quotes within <paramref name="max"/> bytes, or -1.</summary>
    private static long FindTerminator(ReadOnlySequence<byte> input, int max)
    {
        var reader = new SequenceReader<byte>(input);
        bool quoted = false;
        while (reader.Consumed <= max && reader.TryRead(out byte b))
        {
            switch (b)
            {
                case (byte)';' when !quoted:
                    return reader.Consumed - 1;
                case (byte)'"':
                    quoted = !quoted;
                    break;
                case (byte)'\\' when quoted:
                    reader.Advance(reader.Remaining > 0 ? 1 : 0);
                    break;
                case (byte)'\r' or (byte)'\n':
                    quoted = false;
                    break;
            }
        }

        return -1;
    }
}
