namespace NetControl.Messaging.Contracts;

/// <summary>
/// Retained payload of <c>netcontrol/v1/agents/{agentId}/status</c>. The agent publishes <c>online</c> on every
/// connect and <c>offline</c> (reason <c>shutdown</c>) on a clean stop; the broker publishes the last will,
/// <c>offline</c> with reason <c>connection-lost</c> and no timestamp, when the connection dies.
/// </summary>
public sealed record AgentStatusMessage
{
    public required string AgentId { get; init; }

    public required AgentState State { get; init; }

    /// <summary>When the agent said so; null in the last will (it is composed at connect time).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary><c>connected</c>, <c>shutdown</c>, <c>connection-lost</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Reason of the last will.</summary>
    public const string ConnectionLost = "connection-lost";

    /// <summary>Reason of a clean stop.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>Reason of the online status.</summary>
    public const string Connected = "connected";
}
