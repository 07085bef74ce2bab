namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>Settings shared by the TL1 switch drivers.</summary>
public sealed record Tl1DriverOptions
{
    /// <summary>Power below this (dBm) counts as no light (PROTOCOLS.md: controllers use -20 dBm).</summary>
    public double NoLightThresholdDbm { get; init; } = -20;

    /// <summary>How often a switch without autonomous alarms (Glimmerglass) has its port power polled.</summary>
    public TimeSpan PowerPollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
