using System.Diagnostics;

namespace NetControl.Probes.Bandwidth;

/// <summary>Stopwatch ticks as nanoseconds (exact on Linux, where the frequency is 1 GHz).</summary>
internal static class MonotonicClock
{
    public static long NowNanoseconds() => ToNanoseconds(Stopwatch.GetTimestamp());

    public static long ToNanoseconds(long ticks) =>
        Stopwatch.Frequency == 1_000_000_000 ? ticks : (long)(ticks * (1e9 / Stopwatch.Frequency));
}
