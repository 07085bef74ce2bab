using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NetControl.Simulators.Network.Timing;

/// <summary>
/// Sub-millisecond sleeps. .NET's waits round to whole milliseconds, so on Linux this calls nanosleep(2)
/// (timer slack about 50 us); elsewhere it yields.
/// </summary>
internal static partial class PreciseSleep
{
    private static readonly bool UseNanosleep = OperatingSystem.IsLinux();

    public static void Sleep(long ticks)
    {
        if (ticks <= 0)
        {
            return;
        }

        if (!UseNanosleep)
        {
            Thread.Yield();
            return;
        }

        var nanoseconds = (long)(ticks * (1e9 / Stopwatch.Frequency));
        var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        _ = NanoSleep(ref request, IntPtr.Zero);
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(ref TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
