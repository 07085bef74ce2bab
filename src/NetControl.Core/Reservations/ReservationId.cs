namespace NetControl.Core.Reservations;

/// <summary>Identifies one admitted reservation in its <see cref="ReservationCalendar"/>.</summary>
public readonly record struct ReservationId(long Value)
{
    public override string ToString() => $"r{Value}";
}
