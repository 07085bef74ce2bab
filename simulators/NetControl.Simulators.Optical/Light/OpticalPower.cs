namespace NetControl.Simulators.Optical.Light;

/// <summary>Conversions between dBm and milliwatts (power adds in milliwatts, losses subtract in dB).</summary>
public static class OpticalPower
{
    /// <summary>Milliwatts for <paramref name="dbm"/>.</summary>
    public static double ToMilliwatts(double dbm) => Math.Pow(10, dbm / 10);

    /// <summary>dBm for <paramref name="milliwatts"/>; negative infinity for no power.</summary>
    public static double ToDbm(double milliwatts) => milliwatts > 0 ? 10 * Math.Log10(milliwatts) : double.NegativeInfinity;

    /// <summary>The reading of a power monitor with sensitivity <paramref name="floorDbm"/>: never below the floor.</summary>
    public static double Reading(double milliwatts, double floorDbm) => Math.Max(ToDbm(milliwatts), floorDbm);
}
