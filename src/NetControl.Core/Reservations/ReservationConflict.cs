namespace NetControl.Core.Reservations;

/// <summary>
/// Why a request was refused: the first resource found busy, the reservation holding it (its owner and
/// window), and a one-line <see cref="Reason"/>.
/// </summary>
public sealed record ReservationConflict
{
    /// <summary>The busy resource: "port NODE:PORT" or "link ID".</summary>
    public required string Resource { get; init; }

    /// <summary>The reservation in the way (for capacity, the largest holder at the busiest instant).</summary>
    public required ReservationId HeldBy { get; init; }

    public required string HeldByOwner { get; init; }

    public required TimeWindow HeldWindow { get; init; }

    /// <summary>One line saying what clashed, where and when.</summary>
    public required string Reason { get; init; }

    public override string ToString() => Reason;
}
