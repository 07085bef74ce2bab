using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>An autonomous message a switch sends to every session that receives autonomous messages.</summary>
public sealed class AutonomousMessageEventArgs(Tl1AutonomousMessage message) : EventArgs
{
    public Tl1AutonomousMessage Message { get; } = message;
}
