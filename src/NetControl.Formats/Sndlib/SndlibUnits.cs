namespace NetControl.Formats.Sndlib;

/// <summary>The capacity units an SNDlib META section may name, as bit/s factors.</summary>
internal static class SndlibUnits
{
    /// <summary>Bit/s per unit, or null when the unit is not a known data rate.</summary>
    public static double? BitsPerSecond(string? unit) => unit?.Trim().ToUpperInvariant() switch
    {
        "BITPERSEC" => 1,
        "KBITPERSEC" => 1e3,
        "MBITPERSEC" => 1e6,
        "GBITPERSEC" => 1e9,
        "TBITPERSEC" => 1e12,
        _ => null,
    };
}
