namespace NetControl.Core.Reservations;

/// <summary>What was wrong with a reservation call (as opposed to a conflict, which is a result).</summary>
public enum ReservationErrorKind
{
    /// <summary>The window's end is not after its start.</summary>
    InvalidWindow,

    /// <summary>A bandwidth is zero, or more than the link could ever carry.</summary>
    InvalidBandwidth,

    /// <summary>A node or port that the topology does not have.</summary>
    UnknownPort,

    /// <summary>A link id that the topology does not have.</summary>
    UnknownLink,

    /// <summary>Bandwidth asked on a link whose capacity the topology does not give.</summary>
    UnknownCapacity,

    /// <summary>The same port or link listed twice in one request.</summary>
    DuplicateResource,

    /// <summary>The request has no owner.</summary>
    MissingOwner,

    /// <summary>No reservation with that id (never admitted, or already released).</summary>
    UnknownReservation,
}
