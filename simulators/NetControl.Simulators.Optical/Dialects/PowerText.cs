using System.Globalization;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>How the switches print optical power: dBm with one decimal, invariant culture, never "-0.0".</summary>
internal static class PowerText
{
    public static double Round(double dbm) => Math.Round(dbm, 1, MidpointRounding.AwayFromZero) + 0.0;

    public static string Format(double dbm) => Round(dbm).ToString("0.0", CultureInfo.InvariantCulture);
}
