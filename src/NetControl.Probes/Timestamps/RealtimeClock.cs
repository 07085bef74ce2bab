using System.Diagnostics;
using System.Runtime.InteropServices;
using NetControl.Probes.Stamp;

namespace NetControl.Probes.Timestamps;

/// <summary>
/// The wall clock that STAMP timestamps are taken from, the same clock that kernel receive timestamps use. On Linux it is
/// CLOCK_REALTIME read with <c>clock_gettime</c> (nanoseconds), so T1 taken here and T4 stamped by the kernel
/// (SO_TIMESTAMPNS) are on one clock. Elsewhere it is the wall clock read once and advanced by <see cref="Stopwatch"/>
/// (monotonic, immune to clock steps, but drifts from UTC by the oscillator's error).
/// </summary>
public static class RealtimeClock
{
    private static readonly long BaseUnixNanoseconds = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    private static readonly long BaseStopwatch = Stopwatch.GetTimestamp();
    private static readonly bool UseClockGettime = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Probe();

    /// <summary>True when readings come from CLOCK_REALTIME (Linux); false for the Stopwatch-correlated fallback.</summary>
    public static bool IsKernelRealtime => UseClockGettime;

    /// <summary>Now, in nanoseconds since the Unix epoch.</summary>
    public static long UnixNanoseconds()
    {
        if (UseClockGettime && LinuxInterop.clock_gettime(LinuxInterop.ClockRealtime, out var now) == 0)
        {
            return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
        }

        var elapsed = Stopwatch.GetTimestamp() - BaseStopwatch;
        return BaseUnixNanoseconds + (long)((Int128)elapsed * 1_000_000_000 / Stopwatch.Frequency);
    }

    /// <summary>Now, as an NTP timestamp.</summary>
    public static NtpTimestamp Now() => NtpTimestamp.FromUnixNanoseconds(UnixNanoseconds());

    private static bool Probe()
    {
        try
        {
            return LinuxInterop.clock_gettime(LinuxInterop.ClockRealtime, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return false;
        }
    }

    /// <summary>
    /// How long ago <paramref name="unixNanoseconds"/> was (never negative): carries a realtime stamp (the kernel's,
    /// a capture's) over to a monotonic clock as <c>monotonicNow - age</c>.
    /// </summary>
    public static long AgeNanoseconds(long unixNanoseconds) => Math.Max(0, UnixNanoseconds() - unixNanoseconds);
}
