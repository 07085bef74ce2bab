namespace NetControl.Drivers.Tl1.Messages;

/// <summary>An acknowledgment of the command with <see cref="Ctag"/>, sent before (or instead of) its response.</summary>
public sealed record Tl1Acknowledgment(Tl1AckCode Code, string Ctag) : Tl1Message;
