using System.Text;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>The quoted lines of TL1 output: <c>"text"</c> with <c>\"</c> and <c>\\</c> escaped inside.</summary>
internal static class Tl1Quoting
{
    /// <summary>The index of the <c>"</c> that closes a quoted text starting at <paramref name="from"/>, or -1.</summary>
    public static int FindClosingQuote(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text between the quotes with <c>\"</c> and <c>\\</c> unescaped; other backslashes kept, stray CRs dropped.</summary>
    public static string Unescape(string quoted)
    {
        if (!quoted.Contains('\\', StringComparison.Ordinal) && !quoted.Contains('\r', StringComparison.Ordinal))
        {
            return quoted;
        }

        var builder = new StringBuilder(quoted.Length);
        for (int i = 0; i < quoted.Length; i++)
        {
            char c = quoted[i];
            if (c == '\\' && i + 1 < quoted.Length && quoted[i + 1] is '"' or '\\')
            {
                builder.Append(quoted[++i]);
            }
            else if (c != '\r')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes <c>\</c> and <c>"</c> for a quoted line.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
