namespace NetControl.Messaging.Agent;

/// <summary>What an <see cref="AgentPublisher"/> did (thread-safe reads).</summary>
public sealed class AgentPublisherCounters
{
    private long _connects;
    private long _connectFailures;
    private long _connectionsLost;
    private long _messagesAcknowledged;
    private long _summariesAcknowledged;
    private long _rejected;
    private long _publishFailures;
    private long _commands;

    public long Connects => Interlocked.Read(ref _connects);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    public long ConnectionsLost => Interlocked.Read(ref _connectionsLost);

    /// <summary>Messages the broker acknowledged with success.</summary>
    public long MessagesAcknowledged => Interlocked.Read(ref _messagesAcknowledged);

    public long SummariesAcknowledged => Interlocked.Read(ref _summariesAcknowledged);

    /// <summary>Summaries the broker refused in its PUBACK (not authorized, quota...): removed, never retried.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Publishes that failed without a PUBACK (connection lost, timeout): resent after reconnect.</summary>
    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    /// <summary>Controller commands handled and answered on the results topic.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    internal void Command() => Interlocked.Increment(ref _commands);

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    internal void Lost() => Interlocked.Increment(ref _connectionsLost);

    internal void Acknowledged(int summaries)
    {
        Interlocked.Increment(ref _messagesAcknowledged);
        Interlocked.Add(ref _summariesAcknowledged, summaries);
    }

    internal void RejectedBy(int summaries) => Interlocked.Add(ref _rejected, summaries);

    internal void PublishFailed() => Interlocked.Increment(ref _publishFailures);
}
