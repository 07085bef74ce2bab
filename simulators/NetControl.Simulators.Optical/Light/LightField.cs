namespace NetControl.Simulators.Optical.Light;

/// <summary>The result of a light computation: power at every lit point (points not listed are dark).</summary>
internal sealed class LightField(IReadOnlyDictionary<LightPoint, double> milliwatts)
{
    public static LightField Dark { get; } = new(new Dictionary<LightPoint, double>());

    /// <summary>How many points are lit.</summary>
    public int Count => milliwatts.Count;

    public double MilliwattsAt(LightPoint point) => milliwatts.GetValueOrDefault(point);

    /// <summary>The reading at <paramref name="point"/>: dBm, never below <paramref name="floorDbm"/>.</summary>
    public double ReadingAt(LightPoint point, double floorDbm) => OpticalPower.Reading(MilliwattsAt(point), floorDbm);
}
