namespace NetControl.Core.Topology;

/// <summary>
/// A port of a node. A duplex attachment is either one <see cref="PortDirection.Bidirectional"/> port or an
/// input and an output port that name each other in <see cref="Pair"/>.
/// </summary>
public sealed record Port
{
    public Port(string name, PortDirection direction = PortDirection.Bidirectional, string? pair = null)
    {
        Name = name;
        Direction = direction;
        Pair = pair;
    }

    /// <summary>The port's name on its device (the TL1 AID: "10001", "1.1a.1").</summary>
    public string Name { get; init; }

    public PortDirection Direction { get; init; }

    /// <summary>The port of the opposite direction that makes this one duplex, if any.</summary>
    public string? Pair { get; init; }

    /// <summary>Administratively usable. A port taken out of service is never allocated.</summary>
    public AdminState Admin { get; init; } = AdminState.Up;

    public override string ToString() => Pair is null ? Name : $"{Name}/{Pair}";
}
