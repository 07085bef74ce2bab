using System.Globalization;

namespace NetControl.Drivers.Tl1.Messages;

/// <summary>Access identifier lists: <c>10001&amp;10002</c> (a list) and <c>10001&amp;&amp;10004</c> (a range).</summary>
public static class Tl1Aid
{
    /// <summary>The most AIDs one range may name.</summary>
    public const int MaxRangeLength = 65536;

    /// <summary>
    /// The single AIDs of <paramref name="aid"/>: <c>10001&amp;10002</c> gives two, <c>10001&amp;&amp;10004</c> gives
    /// 10001 to 10004, <c>1.1a.1&amp;&amp;1.1a.3</c> ranges over the last number (leading zeros of the first end are
    /// kept); <c>ALL</c> (any case) is returned as is, an empty AID gives none.
    /// </summary>
    /// <exception cref="FormatException">An empty element, a chained range or a range whose ends do not match.</exception>
    public static IReadOnlyList<string> Expand(string aid)
    {
        ArgumentNullException.ThrowIfNull(aid);
        string text = aid.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        if (string.Equals(text, "ALL", StringComparison.OrdinalIgnoreCase))
        {
            return [text];
        }

        string[] parts = text.Split('&');
        var result = new List<string>();
        int i = 0;
        while (i < parts.Length)
        {
            string first = parts[i].Trim();
            if (first.Length == 0)
            {
                throw new FormatException($"AID '{aid}' has an empty element (a stray '&').");
            }

            if (i + 2 < parts.Length && parts[i + 1].Length == 0)
            {
                AddRange(aid, first, parts[i + 2].Trim(), result);
                i += 3;
                if (i < parts.Length && parts[i].Length == 0)
                {
                    throw new FormatException($"AID '{aid}' chains two ranges ('a&&b&&c'); write them as 'a&&b&b&&c'.");
                }
            }
            else
            {
                result.Add(first);
                i++;
            }
        }

        return result;
    }

    private static void AddRange(string aid, string first, string last, List<string> result)
    {
        if (last.Length == 0)
        {
            throw new FormatException($"AID '{aid}' has a range without an end.");
        }

        var (prefix, digits) = SplitNumber(first);
        var (lastPrefix, lastDigits) = SplitNumber(last);
        if (digits.Length == 0 || lastDigits.Length == 0 || digits.Length > 9 || lastDigits.Length > 9)
        {
            throw new FormatException($"AID range '{first}&&{last}' must end in a number of at most 9 digits at both ends.");
        }

        if (!string.Equals(prefix, lastPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"AID range '{first}&&{last}' has ends that differ before their last number.");
        }

        int start = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        int end = int.Parse(lastDigits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (end < start)
        {
            throw new FormatException($"AID range '{first}&&{last}' ends before it starts.");
        }

        if ((long)end - start + 1 > MaxRangeLength)
        {
            throw new FormatException($"AID range '{first}&&{last}' names {(long)end - start + 1} AIDs, more than {MaxRangeLength}.");
        }

        int width = digits.Length > 1 && digits[0] == '0' ? digits.Length : 1;
        string format = new('0', width);
        for (int n = start; n <= end; n++)
        {
            result.Add(prefix + n.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    private static (string Prefix, string Digits) SplitNumber(string aid)
    {
        int cut = aid.Length;
        while (cut > 0 && char.IsAsciiDigit(aid[cut - 1]))
        {
            cut--;
        }

        return (aid[..cut], aid[cut..]);
    }
}
