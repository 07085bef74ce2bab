using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Core.Reservations;

/// <summary>An admitted reservation: an immutable snapshot as it stood when read from the calendar.</summary>
public sealed record Reservation
{
    public required ReservationId Id { get; init; }

    public required string Owner { get; init; }

    public required TimeWindow Window { get; init; }

    public ImmutableArray<PortRef> Ports { get; init; } = [];

    public ImmutableArray<LinkDemand> Links { get; init; } = [];

    public override string ToString() => $"{Id} of '{Owner}' {Window}";
}
