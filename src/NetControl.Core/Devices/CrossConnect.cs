namespace NetControl.Core.Devices;

/// <summary>
/// A cross-connect on a photonic switch, in the device's own port names: light entering <see cref="From"/> leaves
/// by <see cref="To"/>. A duplex cross-connect also carries the return direction (for switches with separate
/// input and output ports, the partner ports of <see cref="To"/> and <see cref="From"/>; for bidirectional
/// ports, the same two ports the other way).
/// </summary>
public sealed record CrossConnect(string From, string To, bool Duplex)
{
    public override string ToString() => Duplex ? $"{From}<->{To}" : $"{From}->{To}";
}
