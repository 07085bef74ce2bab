using NetControl.Core.Topology;
using NetControl.Simulators.Network.Bottleneck;
using NetControl.Simulators.Network.Impairments;

namespace NetControl.Simulators.Network.Links;

/// <summary>
/// What one direction of a link does to each datagram, in order: cut check, loss (Bernoulli then
/// Gilbert-Elliott), bottleneck queue and serialisation, then base <see cref="Delay"/> plus a jitter draw, with
/// <see cref="Order"/> deciding whether jitter may reorder.
/// </summary>
public sealed record DirectionSettings
{
    /// <summary>No delay, no loss, no bottleneck.</summary>
    public static DirectionSettings Ideal { get; } = new();

    /// <summary>Base one-way delay (propagation).</summary>
    public TimeSpan Delay { get; init; }

    public JitterSettings Jitter { get; init; } = JitterSettings.None;

    public JitterOrder Order { get; init; } = JitterOrder.PreserveOrder;

    public LossSettings Loss { get; init; } = LossSettings.None;

    /// <summary>The bottleneck, or null for unlimited capacity.</summary>
    public BottleneckSettings? Bottleneck { get; init; }

    /// <summary>A direction with only the given one-way delay.</summary>
    public static DirectionSettings WithDelay(TimeSpan delay) => new() { Delay = delay };

    /// <summary>A direction whose delay comes from a fibre length at 5 us/km.</summary>
    public static DirectionSettings FromFibreLength(double lengthKm) =>
        new() { Delay = TimeSpan.FromMilliseconds(Propagation.LatencyMs(lengthKm)) };

    internal void Validate(string where)
    {
        if (Delay < TimeSpan.Zero)
        {
            throw new InvalidLinkSettingsException($"{where}: delay must not be negative");
        }

        Jitter.Validate(where);
        Loss.Validate(where);
        Bottleneck?.Validate(where);
    }
}
