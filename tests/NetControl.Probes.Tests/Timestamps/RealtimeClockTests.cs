using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Tests.Timestamps;

public sealed class RealtimeClockTests
{
    [Fact]
    public void Now_ComparedWithSystemClock_AgreesWithinASecond()
    {
        var difference = RealtimeClock.Now().ToDateTimeOffset() - DateTimeOffset.UtcNow;

        Assert.InRange(difference, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void IsKernelRealtime_OnLinux_IsTrue()
    {
        Assert.Equal(OperatingSystem.IsLinux() && Environment.Is64BitProcess, RealtimeClock.IsKernelRealtime);
    }
}
