namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Reads one response or autonomous message from its header line to its <c>;</c> or <c>&gt;</c> terminator, line by
/// line, within a byte limit. Pure: the same input gives the same step however it was split into reads.
/// </summary>
internal static class Tl1MessageReader
{
    /// <summary>Reads the message whose header line is <paramref name="header"/>; it must end before offset <paramref name="limit"/>.</summary>
    public static Tl1Step Read(Tl1Input input, Tl1Line header, long limit)
    {
        var step = ReadMessage(input, header, limit);
        return !step.IsDone && input.Length > limit ? TooLong(input, header.Start, limit) : step;
    }

    /// <summary>
    /// Skips to the end of a bad message: through the next line that starts with <c>;</c> or <c>&gt;</c>, or up to the
    /// next blank, header or acknowledgment line, starting at the line start <paramref name="from"/>.
    /// </summary>
    public static Tl1Step Resync(Tl1Input input, long from, long limit, Tl1ParseError error)
    {
        for (long at = from; ; )
        {
            var line = input.ReadLine(at, limit);
            int first = line.FirstNonBlank();
            if (first < line.Text.Length && line.Text[first] is ';' or '>')
            {
                return Tl1Step.Failed(error, line.Start + first + 1);
            }

            if (!line.Complete)
            {
                return input.Length > limit ? Tl1Step.Failed(error, input.SkipOversized(limit)) : Tl1Step.NeedMore;
            }

            if (line.IsBlank || Tl1LineSyntax.IsHeader(line.Text) || Tl1LineSyntax.TryParseAcknowledgment(line.Text, out _))
            {
                return Tl1Step.Failed(error, line.Start);
            }

            at = line.Next;
        }
    }

    /// <summary>The step for input that runs past <paramref name="limit"/> without an end.</summary>
    public static Tl1Step TooLong(Tl1Input input, long start, long limit) => Tl1Step.Failed(
        Tl1ParseError.About(
            $"message longer than the limit of {limit - start} bytes without a terminator",
            input.Decode(start, Math.Min(input.Length, start + 64))),
        input.SkipOversized(limit));

    private static Tl1Step ReadMessage(Tl1Input input, Tl1Line header, long limit)
    {
        if (!input.ContainsTerminator(header.Next, Math.Min(input.Length, limit)) && input.Length <= limit)
        {
            return Tl1Step.NeedMore; // cheap test: no message can end yet
        }

        if (Tl1LineSyntax.ParseHeader(header.Text, out string? problem) is not { } parsed)
        {
            return Resync(input, header.Next, limit, Tl1ParseError.About(problem!, header.Text));
        }

        var builder = new Tl1MessageBuilder(parsed);
        long at = header.Next;
        Tl1Line line;
        do
        {
            line = input.ReadLine(at, limit);
            if (IsTerminatorLine(line))
            {
                var error = Tl1ParseError.About("message ended right after its header, without a response or alarm line", header.Text);
                return Tl1Step.Failed(error, line.Start + line.FirstNonBlank() + 1);
            }

            if (!line.Complete)
            {
                return Tl1Step.NeedMore;
            }

            at = line.Next;
        }
        while (line.IsBlank);

        if (Tl1LineSyntax.IsHeader(line.Text))
        {
            return Tl1Step.Failed(Tl1ParseError.About("header line without a response or alarm line after it", header.Text), line.Start);
        }

        if (builder.ReadIdentity(line.Text) is { } wrong)
        {
            return Resync(input, line.Next, limit, Tl1ParseError.About(wrong, line.Text));
        }

        return ReadBody(input, builder, line.Next, limit);
    }

    private static Tl1Step ReadBody(Tl1Input input, Tl1MessageBuilder builder, long from, long limit)
    {
        for (long at = from; ; )
        {
            var line = input.ReadLine(at, limit);
            string text = line.Text;
            int i = 0;
            if (builder.InComment)
            {
                int close = text.IndexOf("*/", StringComparison.Ordinal);
                if (close < 0)
                {
                    if (IsTerminatorLine(line) || line.Complete && Tl1LineSyntax.IsHeader(text))
                    {
                        var error = Tl1ParseError.About("comment not closed with '*/' before the end of the message", text);
                        return Resync(input, line.Start, limit, error);
                    }

                    if (!line.Complete)
                    {
                        return Tl1Step.NeedMore;
                    }

                    builder.ContinueComment(text);
                    at = line.Next;
                    continue;
                }

                builder.CloseComment(text[..close]);
                i = close + 2;
            }
            else if (line.Complete && Tl1LineSyntax.IsHeader(text))
            {
                return Tl1Step.Failed(Tl1ParseError.About("message cut short: a new header came before its terminator", text), line.Start);
            }

            var step = ReadItems(input, builder, line, i, limit);
            if (step is { } done)
            {
                return done;
            }

            at = line.Next;
        }
    }

    /// <summary>Reads the items of one body line from <paramref name="i"/>; null when the line is done and the next one follows.</summary>
    private static Tl1Step? ReadItems(Tl1Input input, Tl1MessageBuilder builder, Tl1Line line, int i, long limit)
    {
        string text = line.Text;
        while (true)
        {
            i = Tl1LineSyntax.SkipBlanks(text, i);
            if (i == text.Length)
            {
                return line.Complete ? null : Tl1Step.NeedMore;
            }

            char c = text[i];
            if (c is ';' or '>')
            {
                return Tl1Step.Done(builder.Build(more: c == '>'), line.Start + i + 1);
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    builder.AddComment(text[(i + 2)..close]);
                    i = close + 2;
                    continue;
                }

                if (!line.Complete)
                {
                    return Tl1Step.NeedMore;
                }

                builder.OpenComment(text[(i + 2)..]);
                return null;
            }

            if (c == '"')
            {
                int close = Tl1Quoting.FindClosingQuote(text, i + 1);
                if (close < 0)
                {
                    return line.Complete
                        ? Resync(input, line.Next, limit, Tl1ParseError.About("quoted line without its closing '\"'", text))
                        : Tl1Step.NeedMore;
                }

                builder.AddLine(Tl1Quoting.Unescape(text[(i + 1)..close]));
                i = close + 1;
                continue;
            }

            if (!line.Complete)
            {
                return Tl1Step.NeedMore;
            }

            int end = i;
            while (end < text.Length && !Tl1LineSyntax.IsBlank(text[end]))
            {
                end++;
            }

            if (builder.TakesErrorCode(text[i..end]))
            {
                builder.SetErrorCode(text[i..end]);
                i = end;
                continue;
            }

            builder.AddLine(Tl1LineSyntax.TrimBlanks(text[i..]));
            return null;
        }
    }

    private static bool IsTerminatorLine(Tl1Line line)
    {
        int first = line.FirstNonBlank();
        return first < line.Text.Length && line.Text[first] is ';' or '>';
    }
}
