namespace NetControl.Messaging.Ingest;

/// <summary>
/// End-to-end delivery figures of one agent: distinct summaries received, duplicates, late arrivals that filled
/// gaps, numbers still missing, and numbers skipped in gaps too large to track one by one.
/// </summary>
public sealed record AgentSequenceStats(string AgentId, long FirstSequence, long HighestSequence, long Received, long Duplicates, long Late, long Missing, long Untracked);
