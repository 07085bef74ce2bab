namespace NetControl.Messaging.Ingest;

/// <summary>One agent's presence: up or down, why, since when, and when it was last heard from.</summary>
public sealed record AgentPresence(string AgentId, bool IsUp, PresenceReason Reason, DateTimeOffset Since, DateTimeOffset LastSeen);
