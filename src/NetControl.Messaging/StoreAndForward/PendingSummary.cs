namespace NetControl.Messaging.StoreAndForward;

/// <summary>A journaled summary waiting for its PUBACK, already encoded.</summary>
internal sealed class PendingSummary
{
    public PendingSummary(long sequence, byte[] json)
    {
        Sequence = sequence;
        Json = json;
        Node = new LinkedListNode<PendingSummary>(this);
    }

    public long Sequence { get; }

    public byte[] Json { get; }

    /// <summary>Its place in the unsent or in-flight list (its <c>List</c> is null once removed).</summary>
    public LinkedListNode<PendingSummary> Node { get; }
}
