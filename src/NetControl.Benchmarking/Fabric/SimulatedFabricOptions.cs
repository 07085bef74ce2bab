namespace NetControl.Benchmarking.Fabric;

/// <summary>How the simulated switches answer and how the drivers watch them.</summary>
public sealed record SimulatedFabricOptions
{
    /// <summary>Every switch answers each command after this long (the design targets assume 20 ms).</summary>
    public TimeSpan SwitchLatency { get; init; }

    public TimeSpan SwitchJitter { get; init; }

    /// <summary>Glimmerglass switches raise no alarms: the driver polls port power this often.</summary>
    public TimeSpan PowerPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Every fibre is an amplified line (only connector loss), as in a network with amplifiers at each node; without
    /// them a path of many unamplified regional spans arrives below the no-light threshold and reads as cut.
    /// </summary>
    public bool AmplifiedSpans { get; init; } = true;

    /// <summary>Power a transponder launches into each add/drop port (a switch port no fibre reaches); null: dark.</summary>
    public double? TransponderPowerDbm { get; init; } = 0;
}
