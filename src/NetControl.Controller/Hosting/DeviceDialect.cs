using NetControl.Controller.Api.Json;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Controller.Hosting;

/// <summary>The TL1 command set a switch speaks.</summary>
public enum DeviceDialect
{
    Glimmerglass,
    Calient,
}

/// <summary>Configuration names of <see cref="DeviceDialect"/>, and the driver of each.</summary>
public static class DeviceDialectNames
{
    public static string ToName(this DeviceDialect dialect) => EnumNames<DeviceDialect>.Of(dialect);

    public static bool TryParse(string? text, out DeviceDialect dialect) => EnumNames<DeviceDialect>.TryParse(text, out dialect);

    /// <summary>The dialect's TL1 driver over <paramref name="session"/>.</summary>
    public static ICrossConnectProgrammable CreateDriver(this DeviceDialect dialect, Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? time = null) =>
        dialect switch
        {
            DeviceDialect.Glimmerglass => new GlimmerglassTl1Driver(session, options, time),
            DeviceDialect.Calient => new CalientTl1Driver(session, options, time),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown dialect"),
        };
}
