using System.Globalization;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// Object identifiers in their dotted text form ("1.3.6.1.2.1.1.1.0"): validity, ordering and subtree tests.
/// The canonical form has no leading dot and no leading zeros, which makes string equality OID equality.
/// </summary>
public static class Oid
{
    /// <summary>SNMP's limit on sub-identifiers in a name (RFC 2578 section 3.5).</summary>
    public const int MaxArcs = 128;

    /// <summary>
    /// True when <paramref name="oid"/> is canonical dotted decimal with 2 to 128 arcs, each 0..4294967295, and
    /// BER-encodable: the first arc is 0, 1 or 2, and the second is below 40 when the first is 0 or 1.
    /// </summary>
    public static bool IsValid(string? oid)
    {
        if (string.IsNullOrEmpty(oid))
        {
            return false;
        }

        int count = 0;
        uint first = 0;
        foreach (Range range in oid.AsSpan().Split('.'))
        {
            if (!TryParseArc(oid.AsSpan()[range], out uint arc) || ++count > MaxArcs)
            {
                return false;
            }

            if (count == 1)
            {
                first = arc;
                if (first > 2)
                {
                    return false;
                }
            }
            else if (count == 2 && first < 2 && arc >= 40)
            {
                return false;
            }
        }

        return count >= 2;
    }

    /// <summary>
    /// Orders OIDs numerically arc by arc, a prefix before its extensions (the order GetNext walks).
    /// Throws <see cref="ArgumentException"/> on an arc that is not a decimal number.
    /// </summary>
    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        MemoryExtensions.SpanSplitEnumerator<char> left = a.AsSpan().Split('.');
        MemoryExtensions.SpanSplitEnumerator<char> right = b.AsSpan().Split('.');
        while (true)
        {
            bool hasLeft = left.MoveNext(), hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            int order = Arc(a, left.Current).CompareTo(Arc(b, right.Current));
            if (order != 0)
            {
                return order;
            }
        }
    }

    /// <summary>True when <paramref name="oid"/> equals <paramref name="prefix"/> or lies in its subtree (arc-wise prefix, so "1.3.61" is not under "1.3.6").</summary>
    public static bool IsUnder(string oid, string prefix)
    {
        ArgumentNullException.ThrowIfNull(oid);
        ArgumentNullException.ThrowIfNull(prefix);
        return oid.StartsWith(prefix, StringComparison.Ordinal) && (oid.Length == prefix.Length || oid[prefix.Length] == '.');
    }

    private static uint Arc(string oid, Range range) =>
        TryParseArc(oid.AsSpan()[range], out uint arc)
            ? arc
            : throw new ArgumentException($"'{oid}' is not a dotted-decimal OID", nameof(oid));

    private static bool TryParseArc(ReadOnlySpan<char> text, out uint arc)
    {
        arc = 0;
        if (text.IsEmpty || text.Length > 10 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out arc);
    }
}
