namespace NetControl.Simulators.Optical.Light;

/// <summary>Loss of one fibre span (see <see cref="LightOptions"/> for amplified spans).</summary>
public static class FibreLoss
{
    /// <summary>Loss in dB of a span of <paramref name="lengthKm"/> (unknown length: connectors only).</summary>
    public static double Of(double? lengthKm, LightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double km = lengthKm ?? 0;
        return km > options.AmplifierSpacingKm
            ? options.ConnectorLossDb + options.AmplifiedSpanLossDb
            : options.ConnectorLossDb + (options.AttenuationDbPerKm * km);
    }
}
