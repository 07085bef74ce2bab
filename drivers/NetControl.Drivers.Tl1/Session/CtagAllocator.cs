using System.Globalization;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// Hands out CTAGs: decimal 1..999999 (six characters at most), wrapping, skipping any still outstanding. Only the
/// session allocates CTAGs. Thread-safe.
/// </summary>
internal sealed class CtagAllocator
{
    private const int Max = 999_999;
    private int _last;

    /// <summary>The next CTAG for which <paramref name="inUse"/> is false.</summary>
    public string Next(Func<string, bool> inUse)
    {
        for (int attempt = 0; attempt < Max; attempt++)
        {
            int value = Interlocked.Increment(ref _last);
            if (value > Max)
            {
                Interlocked.CompareExchange(ref _last, 0, value);
                continue;
            }

            string ctag = value.ToString(CultureInfo.InvariantCulture);
            if (!inUse(ctag))
            {
                return ctag;
            }
        }

        throw new InvalidOperationException("every CTAG is outstanding");
    }
}
