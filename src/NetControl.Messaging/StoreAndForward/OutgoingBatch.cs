namespace NetControl.Messaging.StoreAndForward;

/// <summary>Summaries taken for one PUBLISH; completed when the PUBACK comes, rewound when the connection drops.</summary>
internal sealed class OutgoingBatch(IReadOnlyList<PendingSummary> items)
{
    public IReadOnlyList<PendingSummary> Items { get; } = items;

    public long FirstSequence => Items[0].Sequence;

    public long LastSequence => Items[^1].Sequence;
}
