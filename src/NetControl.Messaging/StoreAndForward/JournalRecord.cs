namespace NetControl.Messaging.StoreAndForward;

/// <summary>One decoded journal record: <see cref="Sequence"/> for headers and data, ranges for acks and drops.</summary>
internal readonly record struct JournalRecord(JournalRecordKind Kind, long Sequence, ReadOnlyMemory<byte> Payload, IReadOnlyList<(long First, long Last)> Ranges);
