namespace NetControl.Controller.Dashboard;

/// <summary>One subscribed connection: its filter, its buffer, and whether a batch to it is still in flight.</summary>
public sealed class DashboardClient
{
    private int _sending;
    private long _sequence;

    internal DashboardClient(string connectionId, DashboardFilter filter, ClientBuffer buffer)
    {
        ConnectionId = connectionId;
        Filter = filter;
        Buffer = buffer;
    }

    public string ConnectionId { get; }

    public DashboardFilter Filter { get; }

    public ClientBuffer Buffer { get; }

    /// <summary>Batches sent (or started) to this client.</summary>
    public long Batches => Interlocked.Read(ref _sequence);

    /// <summary>Flushes skipped because the previous batch had not been delivered yet (the client is slow).</summary>
    public long SkippedFlushes { get; private set; }

    internal bool TryBeginSend()
    {
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            return true;
        }

        SkippedFlushes++;
        return false;
    }

    internal void EndSend() => Volatile.Write(ref _sending, 0);

    internal long NextSequence() => Interlocked.Increment(ref _sequence);
}
