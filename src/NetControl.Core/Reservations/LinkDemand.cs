using NetControl.Core.Units;

namespace NetControl.Core.Reservations;

/// <summary>Bandwidth wanted on one link of the topology, by link id.</summary>
public readonly record struct LinkDemand(string Link, DataRate Bandwidth)
{
    public override string ToString() => $"{Link} {Bandwidth}";
}
