using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Ingest;

/// <summary>Decoded summaries of one MQTT message, duplicates removed (unless configured otherwise), handed to the ingest sink.</summary>
public sealed record ReceivedMeasurements(string AgentId, IReadOnlyList<ProbeSummary> Summaries, DateTimeOffset ReceivedAt);
