namespace NetControl.Drivers.Tl1.Messages;

/// <summary>A message from a network element: a response, an acknowledgment or an autonomous message.</summary>
public abstract record Tl1Message;
