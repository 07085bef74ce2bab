using NetControl.Controller.Api.Json;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Controller.Hosting;

/// <summary>Configuration names of <see cref="Tl1Dialect"/>, and the driver of each.</summary>
public static class DeviceDialectNames
{
    public static string ToName(this Tl1Dialect dialect) => EnumNames<Tl1Dialect>.Of(dialect);

    public static bool TryParse(string? text, out Tl1Dialect dialect) => EnumNames<Tl1Dialect>.TryParse(text, out dialect);

    /// <summary>The dialect's TL1 driver over <paramref name="session"/>.</summary>
    public static ICrossConnectProgrammable CreateDriver(this Tl1Dialect dialect, Tl1Session session, Tl1DriverOptions? options = null, TimeProvider? time = null) =>
        Tl1DriverFactory.Create(dialect, session, options, time);
}
