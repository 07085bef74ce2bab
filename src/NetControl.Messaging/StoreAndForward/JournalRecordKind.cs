namespace NetControl.Messaging.StoreAndForward;

/// <summary>Record types of the store-and-forward journal.</summary>
internal enum JournalRecordKind : byte
{
    /// <summary>First record of a (compacted) file: the next sequence number to assign.</summary>
    Header = 1,

    /// <summary>A summary waiting for its PUBACK: sequence + encoded JSON.</summary>
    Data = 2,

    /// <summary>Sequence ranges the broker acknowledged.</summary>
    Acknowledged = 3,

    /// <summary>Sequence ranges dropped by the size bound (never delivered).</summary>
    Dropped = 4,
}
