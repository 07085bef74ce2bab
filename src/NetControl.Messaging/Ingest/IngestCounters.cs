namespace NetControl.Messaging.Ingest;

/// <summary>What the <see cref="MeasurementSubscriber"/> received (thread-safe reads).</summary>
public sealed class IngestCounters
{
    private long _messages;
    private long _summaries;
    private long _duplicates;
    private long _late;
    private long _decodeErrors;
    private long _statusMessages;
    private long _sinkErrors;
    private long _unrecognized;
    private long _connects;
    private long _connectionsLost;

    /// <summary>Measurement messages decoded.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Distinct summaries (new or late) decoded.</summary>
    public long Summaries => Interlocked.Read(ref _summaries);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Late => Interlocked.Read(ref _late);

    /// <summary>Payloads that could not be decoded (dropped, logged).</summary>
    public long DecodeErrors => Interlocked.Read(ref _decodeErrors);

    public long StatusMessages => Interlocked.Read(ref _statusMessages);

    /// <summary>Exceptions the sink threw (caught; the message is still acknowledged).</summary>
    public long SinkErrors => Interlocked.Read(ref _sinkErrors);

    /// <summary>Messages on topics outside the scheme.</summary>
    public long Unrecognized => Interlocked.Read(ref _unrecognized);

    public long Connects => Interlocked.Read(ref _connects);

    public long ConnectionsLost => Interlocked.Read(ref _connectionsLost);

    internal void Message(int distinct, int duplicates, int late)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _summaries, distinct);
        if (duplicates > 0)
        {
            Interlocked.Add(ref _duplicates, duplicates);
        }

        if (late > 0)
        {
            Interlocked.Add(ref _late, late);
        }
    }

    internal void DecodeError() => Interlocked.Increment(ref _decodeErrors);

    internal void Status() => Interlocked.Increment(ref _statusMessages);

    internal void SinkError() => Interlocked.Increment(ref _sinkErrors);

    internal void UnrecognizedTopic() => Interlocked.Increment(ref _unrecognized);

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void Lost() => Interlocked.Increment(ref _connectionsLost);
}
