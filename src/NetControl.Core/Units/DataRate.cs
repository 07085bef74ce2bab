using System.Globalization;

namespace NetControl.Core.Units;

/// <summary>
/// A data rate in bits per second. Parses "10G", "2.5 Gb/s", "622Mbps", "100000" (bit/s); an upper-case B
/// means bytes ("1.25 GB/s" is 10 Gb/s).
/// </summary>
public readonly record struct DataRate : IComparable<DataRate>
{
    private static readonly (string Suffix, double Factor)[] Prefixes =
    [
        ("t", 1e12),
        ("g", 1e9),
        ("m", 1e6),
        ("k", 1e3),
        (string.Empty, 1),
    ];

    private static readonly string[] Units = ["bit/s", "bits/s", "bps", "b/s", "bit", "b", string.Empty];

    public DataRate(double bitsPerSecond)
    {
        if (!double.IsFinite(bitsPerSecond) || bitsPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "a data rate is a finite, non-negative number of bit/s");
        }

        BitsPerSecond = bitsPerSecond;
    }

    public double BitsPerSecond { get; }

    public double Gbps => BitsPerSecond / 1e9;

    public static DataRate Zero => default;

    public static DataRate FromGbps(double gbps) => new(gbps * 1e9);

    public static DataRate FromMbps(double mbps) => new(mbps * 1e6);

    public static DataRate operator +(DataRate a, DataRate b) => new(a.BitsPerSecond + b.BitsPerSecond);

    public static DataRate operator -(DataRate a, DataRate b) => new(Math.Max(0, a.BitsPerSecond - b.BitsPerSecond));

    public static bool operator <(DataRate a, DataRate b) => a.BitsPerSecond < b.BitsPerSecond;

    public static bool operator >(DataRate a, DataRate b) => a.BitsPerSecond > b.BitsPerSecond;

    public static bool operator <=(DataRate a, DataRate b) => a.BitsPerSecond <= b.BitsPerSecond;

    public static bool operator >=(DataRate a, DataRate b) => a.BitsPerSecond >= b.BitsPerSecond;

    /// <summary>Parses a rate; the error says what was expected.</summary>
    public static bool TryParse(string? text, out DataRate rate, out string error)
    {
        rate = default;
        string original = (text ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        string s = original.ToLowerInvariant();
        if (s.Length == 0)
        {
            error = "empty data rate";
            return false;
        }

        int end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or 'e' or '+' or '-'))
        {
            // Stop at an 'e' that is not an exponent ("10e" is not a number; "1e9" is).
            if (s[end] == 'e' && (end + 1 >= s.Length || !(char.IsAsciiDigit(s[end + 1]) || s[end + 1] is '+' or '-')))
            {
                break;
            }

            end++;
        }

        if (end == 0 || !double.TryParse(s.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            error = $"'{text}' is not a data rate (expected a number with an optional unit, e.g. 10G, 2.5 Gb/s, 622Mbps)";
            return false;
        }

        string unit = s[end..];
        bool bytes = original[end..].Contains('B', StringComparison.Ordinal);
        foreach (var (prefix, factor) in Prefixes)
        {
            foreach (string u in Units)
            {
                if (unit == prefix + u && (prefix.Length > 0 || u.Length > 0 || unit.Length == 0))
                {
                    double bps = value * factor * (bytes ? 8 : 1);
                    if (!double.IsFinite(bps) || bps < 0)
                    {
                        error = $"'{text}' is not a data rate (it must be finite and non-negative)";
                        return false;
                    }

                    rate = new DataRate(bps);
                    error = string.Empty;
                    return true;
                }
            }
        }

        error = $"'{text}' has an unknown unit '{original[end..]}' (use bit/s with an optional k, M, G or T prefix, e.g. 10G or 10 Gb/s)";
        return false;
    }

    public static DataRate Parse(string text) =>
        TryParse(text, out var rate, out var error) ? rate : throw new FormatException(error);

    public int CompareTo(DataRate other) => BitsPerSecond.CompareTo(other.BitsPerSecond);

    public override string ToString()
    {
        foreach (var (prefix, factor) in Prefixes)
        {
            if (BitsPerSecond >= factor && factor > 1)
            {
                string symbol = prefix == "k" ? "k" : prefix.ToUpperInvariant();
                return (BitsPerSecond / factor).ToString("0.###", CultureInfo.InvariantCulture) + " " + symbol + "b/s";
            }
        }

        return BitsPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + " b/s";
    }
}
