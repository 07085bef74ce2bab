using System.Text;

namespace NetControl.Drivers.Tl1.Messages;

/// <summary>
/// One payload or response-line block, <c>a,b,NAME=VAL,NAME2="x,y"</c>: values are split on commas outside double
/// quotes; a value with an <c>=</c> (outside quotes) is named, the others are positional. Quotes are removed and
/// <c>\"</c> and <c>\\</c> inside them unescaped; whitespace around values is dropped.
/// </summary>
public sealed class Tl1Parameters
{
    private readonly Dictionary<string, string> _byName;

    private Tl1Parameters(List<string> positional, List<KeyValuePair<string, string>> named)
    {
        Positional = positional;
        Named = named;
        _byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in named)
        {
            _byName.TryAdd(name, value);
        }
    }

    /// <summary>The values without <c>=</c>, in order (an empty block has none; <c>a,,b</c> has an empty middle one).</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>The named values in order, names as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Named { get; }

    /// <summary>The value named <paramref name="name"/> (case-insensitive; the first if repeated), or null when absent.</summary>
    public string? this[string name] => _byName.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Reads one block. Never fails: an unterminated quote runs to the end of the block.</summary>
    public static Tl1Parameters Parse(string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var positional = new List<string>();
        var named = new List<KeyValuePair<string, string>>();
        if (block.Trim().Length == 0)
        {
            return new Tl1Parameters(positional, named);
        }

        foreach (string item in Split(block, ','))
        {
            int equals = IndexOfUnquoted(item, '=');
            if (equals < 0)
            {
                positional.Add(Unquote(item));
            }
            else
            {
                named.Add(new(Unquote(item[..equals]), Unquote(item[(equals + 1)..])));
            }
        }

        return new Tl1Parameters(positional, named);
    }

    /// <summary>Splits a response line or command text into its <c>:</c>-separated blocks (outside double quotes), raw.</summary>
    public static IReadOnlyList<string> SplitBlocks(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Split(line, ':');
    }

    /// <summary>
    /// Writes named values as <c>A=1,B=2</c>; a value holding a separator, quote, backslash or whitespace is quoted
    /// (<c>A="x,y"</c>) so that <see cref="Parse"/> reads it back unchanged.
    /// </summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        var builder = new StringBuilder();
        foreach (var (name, value) in named)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(name).Append('=').Append(Quote(value));
        }

        return builder.ToString();
    }

    /// <summary>The value named <paramref name="name"/> (case-insensitive).</summary>
    public bool TryGet(string name, out string value)
    {
        if (_byName.TryGetValue(name, out string? found))
        {
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary><paramref name="value"/> as is, or quoted with <c>"</c> and <c>\</c> escaped when it needs quoting.</summary>
    internal static string Quote(string value)
    {
        if (!value.Any(c => c is ',' or ':' or ';' or '=' or '"' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return value;
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Splits on <paramref name="separator"/> outside double quotes (<c>\</c> escapes the next character inside quotes).</summary>
    internal static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int i = IndexOfUnquoted(text, separator); i >= 0; i = IndexOfUnquoted(text, separator, start))
        {
            parts.Add(text[start..i]);
            start = i + 1;
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The first <paramref name="wanted"/> outside double quotes at or after <paramref name="start"/> (which must be outside quotes), or -1.</summary>
    internal static int IndexOfUnquoted(string text, char wanted, int start = 0)
    {
        bool quoted = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == wanted && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Trims <paramref name="raw"/>, removes its quotes and unescapes <c>\"</c> and <c>\\</c> inside them.</summary>
    internal static string Unquote(string raw)
    {
        string text = raw.Trim();
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted && c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
            {
                builder.Append(text[++i]);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
