using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>Builds the canonical text of each TL1 message (what <see cref="Tl1Writer"/> encodes).</summary>
internal static class Tl1Formatter
{
    private const string Indent = "   ";

    public static string Format(Tl1Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var blocks = new List<string> { command.Code, command.Tid, command.Aid, command.Ctag, command.GeneralBlock };
        blocks.AddRange(OrEmpty(command.Payload));
        while (blocks.Count > 4 && string.IsNullOrEmpty(blocks[^1]))
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        return string.Join(':', blocks) + ";";
    }

    public static string Format(Tl1Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = Header(response.Header);
        text.Append("M  ").Append(response.Ctag).Append(' ').Append(CompletionText(response.Code)).Append("\r\n");
        if (response.ErrorCode is { } errorCode)
        {
            text.Append(Indent).Append(errorCode).Append("\r\n");
        }

        foreach (string comment in OrEmpty(response.Comments))
        {
            text.Append(Indent).Append("/* ").Append(CommentText(comment)).Append(" */\r\n");
        }

        return Lines(text, response.Lines).Append(response.More ? '>' : ';').ToString();
    }

    public static string Format(Tl1Acknowledgment acknowledgment)
    {
        ArgumentNullException.ThrowIfNull(acknowledgment);
        return Tl1LineSyntax.AckCodeText(acknowledgment.Code) + " " + acknowledgment.Ctag + "\r\n<";
    }

    public static string Format(Tl1AutonomousMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Header(message.Header);
        text.Append(AlarmText(message.AlarmCode)).Append(' ')
            .Append(message.Atag.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(message.Report).Append("\r\n");
        return Lines(text, message.Lines).Append(';').ToString();
    }

    private static StringBuilder Header(Tl1Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var t = header.Timestamp;
        return new StringBuilder("\r\n\n").Append(Indent).Append(header.Sid).Append(' ').Append(CultureInfo.InvariantCulture,
            $"{t.Year % 100:00}-{t.Month:00}-{t.Day:00} {t.Hour:00}:{t.Minute:00}:{t.Second:00}\r\n");
    }

    private static StringBuilder Lines(StringBuilder text, ImmutableArray<string> lines)
    {
        foreach (string line in OrEmpty(lines))
        {
            text.Append(Indent).Append('"').Append(Tl1Quoting.Escape(line)).Append("\"\r\n");
        }

        return text;
    }

    /// <summary>
    /// A comment made safe for <c>/* ... */</c> on one line: a <c>*/</c> inside (free text often echoes client input)
    /// becomes <c>* /</c>, so it cannot end the comment early, and line breaks become spaces.
    /// </summary>
    internal static string CommentText(string comment) =>
        comment.Replace("*/", "* /", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal)
            .Replace('\r', ' ')
            .Replace('\n', ' ');

    private static ImmutableArray<string> OrEmpty(ImmutableArray<string> items) => items.IsDefault ? [] : items;

    private static string CompletionText(Tl1CompletionCode code) => code switch
    {
        Tl1CompletionCode.Completed => "COMPLD",
        Tl1CompletionCode.Denied => "DENY",
        Tl1CompletionCode.Partial => "PRTL",
        Tl1CompletionCode.Delayed => "DELAY",
        Tl1CompletionCode.Retrieving => "RTRV",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown completion code"),
    };

    private static string AlarmText(Tl1AlarmCode code) => code switch
    {
        Tl1AlarmCode.Critical => "*C",
        Tl1AlarmCode.Major => "**",
        Tl1AlarmCode.Minor => "* ",
        Tl1AlarmCode.NonAlarm => "A ",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown alarm code"),
    };
}
