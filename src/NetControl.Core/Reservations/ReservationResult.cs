using System.Diagnostics.CodeAnalysis;

namespace NetControl.Core.Reservations;

/// <summary>
/// Outcome of <see cref="ReservationCalendar.TryReserve"/> or <see cref="ReservationCalendar.ChangeEnd"/>:
/// admitted with the reservation as it now stands, or rejected with the conflict. A rejection changes nothing.
/// </summary>
public sealed class ReservationResult
{
    private ReservationResult(Reservation? reservation, ReservationConflict? conflict)
    {
        Reservation = reservation;
        Conflict = conflict;
    }

    /// <summary>The reservation as admitted (or as changed); null when rejected.</summary>
    public Reservation? Reservation { get; }

    /// <summary>Why the request was refused; null when admitted.</summary>
    public ReservationConflict? Conflict { get; }

    [MemberNotNullWhen(true, nameof(Reservation))]
    [MemberNotNullWhen(false, nameof(Conflict))]
    public bool IsAdmitted => Reservation is not null;

    public static ReservationResult Admitted(Reservation reservation) => new(reservation, null);

    public static ReservationResult Rejected(ReservationConflict conflict) => new(null, conflict);

    public override string ToString() => IsAdmitted ? $"admitted {Reservation}" : $"rejected: {Conflict.Reason}";
}
