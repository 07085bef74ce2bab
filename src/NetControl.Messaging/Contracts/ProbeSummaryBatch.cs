namespace NetControl.Messaging.Contracts;

/// <summary>
/// The payload of <c>netcontrol/v1/agents/{agentId}/measurements</c>: one or more summaries of one agent, in
/// sequence order. Batching amortizes MQTT and JSON framing; a single summary is a batch of one.
/// </summary>
public sealed record ProbeSummaryBatch
{
    /// <summary>The publishing agent; must match the topic and every summary.</summary>
    public required string AgentId { get; init; }

    public required IReadOnlyList<ProbeSummary> Summaries { get; init; }
}
