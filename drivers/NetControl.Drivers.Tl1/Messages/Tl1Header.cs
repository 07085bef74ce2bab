namespace NetControl.Drivers.Tl1.Messages;

/// <summary>The header line of a response or autonomous message: source identifier and the element's own clock.</summary>
public sealed record Tl1Header(string Sid, DateTime Timestamp);
