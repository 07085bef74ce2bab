namespace NetControl.Messaging.Broker;

/// <summary>Admission and ACL decisions of the <see cref="EmbeddedBroker"/> (thread-safe reads).</summary>
public sealed class BrokerCounters
{
    private long _accepted;
    private long _connectionsRejected;
    private long _publishesRejected;
    private long _subscriptionsRejected;

    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    public long ConnectionsRejected => Interlocked.Read(ref _connectionsRejected);

    public long PublishesRejected => Interlocked.Read(ref _publishesRejected);

    public long SubscriptionsRejected => Interlocked.Read(ref _subscriptionsRejected);

    internal void Accepted() => Interlocked.Increment(ref _accepted);

    internal void ConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);

    internal void PublishRejected() => Interlocked.Increment(ref _publishesRejected);

    internal void SubscriptionRejected() => Interlocked.Increment(ref _subscriptionsRejected);
}
