using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Core.Reservations;

/// <summary>
/// What a circuit asks of the calendar: exclusive use of <see cref="Ports"/> and the bandwidth of
/// <see cref="Links"/> over <see cref="Window"/>. Admitted all or nothing.
/// </summary>
public sealed record ReservationRequest
{
    /// <summary>The circuit (or requester) the reservation belongs to; named in conflicts.</summary>
    public required string Owner { get; init; }

    public required TimeWindow Window { get; init; }

    /// <summary>Ports held exclusively for the whole window.</summary>
    public ImmutableArray<PortRef> Ports { get; init; } = [];

    /// <summary>Link capacity consumed for the whole window; each link at most once.</summary>
    public ImmutableArray<LinkDemand> Links { get; init; } = [];
}
