using NetControl.Messaging.Agent;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Agent;

public sealed class EndToEndTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Enqueue_ThroughEmbeddedBroker_SubscriberReceivesIntact()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        var collector = new Collector();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, collector.SinkAsync);
        await using var publisher = TestBroker.Publisher(broker.EndPoint.Port, _dir.Path);
        publisher.Start();

        var sent = Enumerable.Range(1, 250).Select(i => Summaries.Make("agent-a", i)).ToList();
        foreach (var s in sent)
        {
            publisher.Enqueue(s);
        }

        await publisher.FlushAsync(new CancellationTokenSource(Limit).Token);
        await Eventually.TrueAsync(() => collector.Count >= 250);

        Assert.Equal(sent.Select((s, i) => s with { Sequence = i + 1 }), collector.Ordered());
        Assert.Equal(0, subscriber.Sequences.Get("agent-a")!.Missing);
        Assert.Equal(0, subscriber.Counters.DecodeErrors);
        Assert.Equal(0, publisher.Queue.PendingCount);
    }

    [Fact]
    public async Task StartAsync_PortZero_ExposesBoundEndpoint()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));

        Assert.NotEqual(0, broker.EndPoint.Port);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(broker.EndPoint);
    }

    [Fact]
    public async Task Start_AfterRestartOnSameJournal_ResendsWhatWasNeverDelivered()
    {
        int deadPort = FreePort.Next();
        await using (var first = TestBroker.Publisher(deadPort, _dir.Path))
        {
            first.Start();
            for (int i = 1; i <= 20; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }

            await Eventually.TrueAsync(() => first.Counters.ConnectFailures > 0);
        }

        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        var collector = new Collector();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, collector.SinkAsync);

        await using var second = TestBroker.Publisher(broker.EndPoint.Port, _dir.Path);
        Assert.Equal(20, second.Queue.Counters.Recovered);
        second.Start();
        second.Enqueue(Summaries.Make("agent-a", 21));
        await second.FlushAsync(new CancellationTokenSource(Limit).Token);
        await Eventually.TrueAsync(() => collector.Count >= 21);

        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), collector.Ordered().Select(s => s.Sequence));
    }
}
