namespace NetControl.Messaging.StoreAndForward;

/// <summary>What a journal held when opened: unacknowledged summaries in sequence order and the next sequence.</summary>
internal sealed record JournalContents(IReadOnlyList<PendingSummary> Pending, long NextSequence);
