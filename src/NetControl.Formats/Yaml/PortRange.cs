using System.Globalization;

namespace NetControl.Formats.Yaml;

/// <summary>
/// Expands a port range: a name ending in a number, a dash, and the last number (<c>10001-10016</c>,
/// <c>1.1a.1-8</c>) or the last full name (<c>1.1a.1-1.1a.8</c>). A leading zero keeps the width (<c>01-16</c>).
/// </summary>
internal static class PortRange
{
    private const int MaxDigits = 9;

    public static bool TryExpand(string text, int maxCount, out IReadOnlyList<string> names, out string error)
    {
        names = [];
        int dash = text.LastIndexOf('-');
        if (dash <= 0 || dash == text.Length - 1)
        {
            error = $"'{text}' is not a port range (expected a first and last port such as 10001-10016 or 1.1a.1-8)";
            return false;
        }

        string first = text[..dash];
        string last = text[(dash + 1)..];
        int digitsAt = first.Length;
        while (digitsAt > 0 && char.IsAsciiDigit(first[digitsAt - 1]))
        {
            digitsAt--;
        }

        string prefix = first[..digitsAt];
        string startDigits = first[digitsAt..];
        string endDigits = last.StartsWith(prefix, StringComparison.Ordinal) && IsNumber(last[prefix.Length..]) ? last[prefix.Length..] : last;
        if (!IsNumber(startDigits) || !IsNumber(endDigits))
        {
            error = $"'{text}' is not a port range (both ends must be the same name ending in a number of at most {MaxDigits} digits)";
            return false;
        }

        int start = int.Parse(startDigits, CultureInfo.InvariantCulture);
        int end = int.Parse(endDigits, CultureInfo.InvariantCulture);
        if (end < start)
        {
            error = $"port range '{text}' ends before it starts";
            return false;
        }

        if ((long)end - start + 1 > maxCount)
        {
            error = $"port range '{text}' has {(long)end - start + 1} ports, more than the {maxCount} one range may hold";
            return false;
        }

        int width = startDigits.Length > 1 && startDigits[0] == '0' ? startDigits.Length : 1;
        names = [.. Enumerable.Range(start, end - start + 1).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))];
        error = string.Empty;
        return true;
    }

    private static bool IsNumber(string text) => text.Length is > 0 and <= MaxDigits && text.All(char.IsAsciiDigit);
}
