using System.Buffers;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Parses network element output into messages (<see cref="Tl1Response"/>, <see cref="Tl1Acknowledgment"/>,
/// <see cref="Tl1AutonomousMessage"/>), incrementally: feed it what has arrived, advance by what it consumed.
/// Echoed commands (text up to a <c>;</c> outside a message), <c>&lt;</c> prompts and blank lines between messages
/// are skipped silently. CRLF, LF and stray CRs are all accepted. Stateless and thread-safe.
/// </summary>
public sealed class Tl1MessageParser
{
    private static readonly SearchValues<byte> Noise = SearchValues.Create(" \t\r\n\f\v\0<"u8);

    private readonly int _maxMessageBytes;

    /// <summary>A parser with <paramref name="options"/> (default <see cref="Tl1CodecOptions.Default"/>).</summary>
    public Tl1MessageParser(Tl1CodecOptions? options = null)
    {
        _maxMessageBytes = (options ?? Tl1CodecOptions.Default).ValidatedMaxMessageBytes();
    }

    /// <summary>
    /// Tries to read one message from <paramref name="buffer"/>. False: more bytes are needed; <paramref name="consumed"/>
    /// is how far the caller may drop input (past skipped echoes, prompts and whitespace) and <paramref name="examined"/>
    /// is the end of the buffer. True: exactly one of <paramref name="message"/> and <paramref name="error"/> is set,
    /// and <paramref name="consumed"/> lies just past the message, or past the bad bytes up to the next point where
    /// parsing can resume (a <c>;</c> or <c>&gt;</c> terminator line, or the blank line before a header). Never throws
    /// on any input and always makes progress when it returns true.
    /// </summary>
    public bool TryParse(
        in ReadOnlySequence<byte> buffer,
        out SequencePosition consumed,
        out SequencePosition examined,
        out Tl1Message? message,
        out Tl1ParseError? error)
    {
        using var input = new Tl1Input(buffer);
        long at = 0;
        Tl1Step step;
        while (true)
        {
            at = input.SkipAny(at, Noise);
            if (at == input.Length)
            {
                step = Tl1Step.NeedMore;
                break;
            }

            long limit = at + _maxMessageBytes;
            var line = input.ReadLine(at, limit);
            int echoEnd = Tl1Parameters.IndexOfUnquoted(line.Text, ';');
            if (echoEnd >= 0)
            {
                at += echoEnd + 1; // an echoed command: not ours to report
                continue;
            }

            step = line.Complete ? ReadFromLine(input, line, limit)
                : input.Length > limit ? Tl1MessageReader.TooLong(input, at, limit)
                : Tl1Step.NeedMore;
            break;
        }

        message = step.Message;
        error = step.Error;
        if (!step.IsDone)
        {
            consumed = input.Position(at);
            examined = buffer.End;
            return false;
        }

        consumed = input.Position(step.Consumed);
        examined = consumed;
        return true;
    }

    private static Tl1Step ReadFromLine(Tl1Input input, Tl1Line line, long limit)
    {
        if (Tl1LineSyntax.TryParseAcknowledgment(line.Text, out var acknowledgment))
        {
            long end = line.Next < input.Length && input.IndexOf((byte)'<', line.Next, line.Next + 1) >= 0 ? line.Next + 1 : line.Next;
            return Tl1Step.Done(acknowledgment!, end);
        }

        if (Tl1LineSyntax.IsHeader(line.Text))
        {
            return Tl1MessageReader.Read(input, line, limit);
        }

        var error = Tl1ParseError.About("unexpected text between messages (not a header, acknowledgment or echoed command)", line.Text);
        int first = line.FirstNonBlank();
        return line.Text[first] == '>'
            ? Tl1Step.Failed(error, line.Start + first + 1)
            : Tl1MessageReader.Resync(input, line.Next, limit, error);
    }
}
