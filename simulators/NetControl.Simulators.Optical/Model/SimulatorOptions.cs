using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>How a <see cref="SimulatedNetwork"/> is built.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The light model's parameters.</summary>
    public LightOptions Light { get; init; } = new();

    /// <summary>
    /// Dialect for optical-switch nodes whose vendor is missing or not <c>glimmerglass</c> / <c>calient</c>. When
    /// null (the default) such a node is an error: the simulator would otherwise speak a dialect the real device
    /// does not.
    /// </summary>
    public SwitchDialect? DefaultDialect { get; init; }

    /// <summary>Seed of the random draws (command latency jitter); switch i draws from its own generator seeded from it.</summary>
    public int Seed { get; init; } = 1;
}
