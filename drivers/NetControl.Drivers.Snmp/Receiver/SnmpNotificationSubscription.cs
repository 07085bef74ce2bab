using System.Threading.Channels;

namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>
/// One subscriber's copy of every notification an <see cref="SnmpTrapReceiver"/> delivers from the moment it
/// subscribed (<see cref="SnmpTrapReceiver.Subscribe"/>), so several readers each see all of them. Bounded: beyond its
/// capacity the oldest are dropped. Dispose to stop receiving; the reader completes when the receiver is disposed.
/// </summary>
public sealed class SnmpNotificationSubscription : IDisposable
{
    private readonly Channel<SnmpNotification> _channel;
    private readonly Action<SnmpNotificationSubscription> _unsubscribe;

    internal SnmpNotificationSubscription(int capacity, Action<SnmpNotificationSubscription> unsubscribe)
    {
        _channel = Channel.CreateBounded<SnmpNotification>(new BoundedChannelOptions(Math.Max(1, capacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false });
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<SnmpNotification> Reader => _channel.Reader;

    public void Dispose()
    {
        _unsubscribe(this);
        Complete();
    }

    internal void Write(SnmpNotification notification) => _channel.Writer.TryWrite(notification);

    internal void Complete() => _channel.Writer.TryComplete();
}
