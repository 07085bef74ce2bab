namespace NetControl.Simulators.Optical.Light;

/// <summary>
/// One direction of a fibre: light launched at <see cref="From"/> (a transmit side) arrives at <see cref="To"/> (the
/// far receive side) <see cref="LossDb"/> weaker, unless the fibre is cut. Guarded by the network lock.
/// </summary>
internal sealed class LightSpan(LightPoint from, LightPoint to, double lossDb)
{
    public LightPoint From { get; } = from;

    public LightPoint To { get; } = to;

    public double LossDb { get; } = lossDb;

    public bool IsCut { get; set; }
}
