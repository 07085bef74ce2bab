using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>The driver of each dialect, for the controller, the benchmarks and the tests alike.</summary>
public static class Tl1DriverFactory
{
    /// <summary>The dialect's driver over <paramref name="session"/>; both drivers also implement <see cref="IOpticalPowerMonitor"/> and <see cref="IAlarmSource"/>.</summary>
    public static ICrossConnectProgrammable Create(Tl1Dialect dialect, Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? time = null) =>
        dialect switch
        {
            Tl1Dialect.Glimmerglass => new GlimmerglassTl1Driver(session, options, time),
            Tl1Dialect.Calient => new CalientTl1Driver(session, options, time),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown TL1 dialect"),
        };
}
