namespace NetControl.Core.Reservations;

/// <summary>
/// A reservation call was invalid: a bad window or bandwidth, a port or link the topology does not have,
/// an unknown reservation id. The message is one line saying what and where; nothing was changed.
/// </summary>
public sealed class ReservationException : NetControlException
{
    public ReservationException(ReservationErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ReservationErrorKind Kind { get; }
}
