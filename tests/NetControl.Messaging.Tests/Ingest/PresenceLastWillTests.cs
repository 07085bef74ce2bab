using NetControl.Messaging.Agent;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Ingest;

public sealed class PresenceLastWillTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConnectionReset_WithoutDisconnect_LastWillMarksAgentDown()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        using var presence = new PresenceTracker(new PresenceTrackerOptions { SilenceTimeout = TimeSpan.FromMinutes(5) });
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, presence: presence);
        await using var proxy = new TcpProxy(broker.EndPoint);
        using var dir = new TempDirectory();
        await using var publisher = TestBroker.Publisher(proxy.Port, dir.Path);
        publisher.Start();
        await Eventually.TrueAsync(() => presence.Get("agent-a") is { IsUp: true, Reason: PresenceReason.Online });

        proxy.AbortAll();

        await Eventually.TrueAsync(() => presence.Get("agent-a") is { IsUp: false });
        Assert.Equal(PresenceReason.LastWill, presence.Get("agent-a")!.Reason);
    }

    [Fact]
    public async Task Dispose_CleanStop_OfflineShutdown()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        using var presence = new PresenceTracker();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, presence: presence);
        using var dir = new TempDirectory();
        var publisher = TestBroker.Publisher(broker.EndPoint.Port, dir.Path);
        publisher.Start();
        await Eventually.TrueAsync(() => presence.Get("agent-a") is { IsUp: true });

        await publisher.DisposeAsync();

        await Eventually.TrueAsync(() => presence.Get("agent-a") is { IsUp: false });
        Assert.Equal(PresenceReason.Offline, presence.Get("agent-a")!.Reason);
    }
}
