namespace NetControl.Simulators.Optical.Model;

/// <summary>A refused change: what went wrong, at which port, in words.</summary>
public sealed record SwitchFailure(SwitchError Error, string Port, string Message)
{
    public override string ToString() => $"{Error} at {Port}: {Message}";
}
