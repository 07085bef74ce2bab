using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>What a <see cref="Tl1Session"/> reports besides command results.</summary>
public abstract record Tl1SessionEvent
{
    /// <summary>An autonomous message (REPT ALM, REPT EVT...), in arrival order.</summary>
    public sealed record Autonomous(Tl1AutonomousMessage Message) : Tl1SessionEvent;

    /// <summary>
    /// Autonomous messages may have been lost (an ATAG gap, a reconnect, a full event buffer): the consumer must
    /// re-read device state (alarms, cross-connects).
    /// </summary>
    public sealed record ResyncNeeded(string Reason) : Tl1SessionEvent;

    /// <summary>The session moved to <paramref name="State"/>; <paramref name="Detail"/> says why (the error that broke it).</summary>
    public sealed record StateChanged(Tl1SessionState State, string? Detail) : Tl1SessionEvent;
}
