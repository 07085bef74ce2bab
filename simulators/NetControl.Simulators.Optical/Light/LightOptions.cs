namespace NetControl.Simulators.Optical.Light;

/// <summary>
/// Parameters of the light model. Defaults follow the physical facts of PROTOCOLS.md: hosts launch 0 dBm, fibre
/// loses 0.22 dB/km plus 0.5 dB of connectors per span, a cross-connect 1.5 dB.
/// </summary>
/// <remarks>
/// Long-haul spans are amplified in real networks; without that, a transatlantic link (0.22 dB/km x 8000 km) would
/// carry no light at all. A fibre longer than <see cref="AmplifierSpacingKm"/> is therefore treated as an amplified
/// line whose in-line amplifiers exactly compensate its attenuation: it loses only the connector loss plus
/// <see cref="AmplifiedSpanLossDb"/>. Set <see cref="AmplifierSpacingKm"/> to <see cref="double.PositiveInfinity"/>
/// to model every span as passive fibre.
/// </remarks>
public sealed record LightOptions
{
    /// <summary>Power every host port launches into its fibre, in dBm.</summary>
    public double LaunchPowerDbm { get; init; }

    /// <summary>Fibre attenuation in dB per km (1550 nm).</summary>
    public double AttenuationDbPerKm { get; init; } = 0.22;

    /// <summary>Connector and splice loss of one fibre span, in dB.</summary>
    public double ConnectorLossDb { get; init; } = 0.5;

    /// <summary>Loss of light passing through one cross-connect, in dB.</summary>
    public double InsertionLossDb { get; init; } = 1.5;

    /// <summary>Longest span without amplifiers, in km; longer spans are amplified lines (see remarks).</summary>
    public double AmplifierSpacingKm { get; init; } = 80;

    /// <summary>Residual loss of an amplified line on top of its connector loss, in dB.</summary>
    public double AmplifiedSpanLossDb { get; init; }

    /// <summary>
    /// What a port reads with no light (or less than this), in dBm: the sensitivity floor of the power monitor.
    /// Every reading is clamped to it, so "no light" reads exactly this value.
    /// </summary>
    public double FloorDbm { get; init; } = -60;

    /// <summary>Below this received power a port has lost its light (Calient LOS alarm, RTRV-CRS OC=LOS), in dBm.</summary>
    public double NoLightThresholdDbm { get; init; } = -20;
}
