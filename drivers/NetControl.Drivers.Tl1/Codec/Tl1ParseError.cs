using System.Globalization;
using System.Text;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// Input a TL1 parser could not understand: <see cref="Message"/> says what is wrong in one line,
/// <see cref="Excerpt"/> shows the start of the offending text (at most about 60 characters, control characters
/// escaped as <c>\r</c>, <c>\n</c>, <c>\t</c> or <c>\xNN</c>).
/// </summary>
public sealed record Tl1ParseError(string Message, string Excerpt)
{
    private const int ExcerptChars = 60;

    /// <summary>
    /// For an unreadable input command: the GR-833 error code a network element answers DENY with (IISP invalid
    /// syntax, IBMS missing block (no CTAG block), IICT invalid CTAG, IITA invalid TID); null for network element output.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>For an unreadable input command: its CTAG when that could still be read, else null (answer with 0).</summary>
    public string? Ctag { get; init; }

    /// <summary>An error about <paramref name="text"/>, excerpted (trailing whitespace and line breaks left out).</summary>
    internal static Tl1ParseError About(string message, string text) => new(message, MakeExcerpt(text.TrimEnd()));

    /// <summary>The first <see cref="ExcerptChars"/> characters of <paramref name="text"/>, escaped; "..." marks a cut.</summary>
    internal static string MakeExcerpt(string text)
    {
        var builder = new StringBuilder();
        int length = Math.Min(text.Length, ExcerptChars);
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\\' => builder.Append("\\\\"),
                < ' ' or > '~' => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => builder.Append(c),
            };
        }

        return text.Length > ExcerptChars ? builder.Append("...").ToString() : builder.ToString();
    }
}
