using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Interop;

/// <summary>The same publisher and subscriber against a real Mosquitto (password file, ACL file, persistence).</summary>
public sealed class MosquittoInteropTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Enqueue_ThroughMosquitto_SubscriberReceivesIntactAndPresenceUp()
    {
        Assert.True(Mosquitto.IsInstalled, $"{Mosquitto.Executable} is required for the interop tests");
        await using var mosquitto = await Mosquitto.StartAsync(Users("agent-a"), TestBroker.Controller);
        var collector = new Collector();
        using var presence = new PresenceTracker();
        await using var subscriber = await TestBroker.StartSubscriberAsync(mosquitto.Port, Limit, collector.SinkAsync, presence);
        await using var publisher = TestBroker.Publisher(mosquitto.Port, _dir.Path);
        publisher.Start();

        var sent = Enumerable.Range(1, 300).Select(i => Summaries.Make("agent-a", i)).ToList();
        foreach (var s in sent)
        {
            publisher.Enqueue(s);
        }

        await publisher.FlushAsync(new CancellationTokenSource(Limit).Token);
        await Eventually.TrueAsync(() => collector.Count >= 300);

        Assert.Equal(sent.Select((s, i) => s with { Sequence = i + 1 }), collector.Ordered());
        await Eventually.TrueAsync(() => presence.Get("agent-a") is { IsUp: true });
    }

    [Fact]
    public async Task Publish_AgentAAsAgentB_MosquittoAclRefuses()
    {
        await using var mosquitto = await Mosquitto.StartAsync(Users("agent-a", "agent-b"), TestBroker.Controller);
        using var agentA = new MqttClientFactory().CreateMqttClient();
        await MqttConnector.ConnectAsync(agentA, MqttClientOptionsFactory.Persistent(TestBroker.Agent(mosquitto.Port, "agent-a"), "agent-a").Build(), "mosquitto", CancellationToken.None);
        var batch = MessageCodec.EncodeBatch(new ProbeSummaryBatch { AgentId = "agent-b", Summaries = [Summaries.Make("agent-b", 1) with { Sequence = 1 }] });

        var result = await agentA.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic("netcontrol/v1/agents/agent-b/measurements").WithPayload(batch).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            CancellationToken.None);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task Connect_WrongPassword_MosquittoRefuses()
    {
        await using var mosquitto = await Mosquitto.StartAsync(Users("agent-a"), TestBroker.Controller);
        using var client = new MqttClientFactory().CreateMqttClient();

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() =>
            MqttConnector.ConnectAsync(client, MqttClientOptionsFactory.Persistent(TestBroker.Agent(mosquitto.Port, "agent-a", "guessed"), "agent-a").Build(), "mosquitto", CancellationToken.None));

        Assert.NotNull(ex.ResultCode);
    }

    /// <summary>
    /// Publishes 10 summaries/s while Mosquitto is stopped for a real 60 s and started again on the same
    /// persistence directory: the journal holds what could not be sent, the subscriber's persistent session comes
    /// back, and every sequence number arrives.
    /// </summary>
    [Fact]
    public async Task Publish_BrokerDownSixtySeconds_NothingLost()
    {
        await using var mosquitto = await Mosquitto.StartAsync(Users("agent-a"), TestBroker.Controller);
        var collector = new Collector();
        await using var subscriber = await TestBroker.StartSubscriberAsync(mosquitto.Port, Limit, collector.SinkAsync);
        await using var publisher = TestBroker.Publisher(mosquitto.Port, _dir.Path);
        publisher.Start();

        using var producing = new CancellationTokenSource();
        long produced = 0;
        var producer = Task.Run(async () =>
        {
            // Paced by elapsed time, not by ticks: a loaded machine that misses timer ticks catches up, so the
            // rate stays 10/s on average and the outage always spans 600 summaries.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (await timer.WaitForNextTickAsync(CancellationToken.None) && !producing.IsCancellationRequested)
            {
                long due = (long)(clock.Elapsed.TotalMilliseconds / 100);
                while (Interlocked.Read(ref produced) < due)
                {
                    publisher.Enqueue(Summaries.Make("agent-a", (int)Interlocked.Increment(ref produced)));
                }
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(collector.Count > 0, "nothing arrived before the outage");
        await mosquitto.StopAsync();
        long atStop = Interlocked.Read(ref produced);
        await Task.Delay(TimeSpan.FromSeconds(60));
        long duringOutage = Interlocked.Read(ref produced) - atStop;
        Assert.True(duringOutage >= 500, $"only {duringOutage} summaries were produced during the outage");
        int pending = publisher.Queue.PendingCount;
        // One summary may be counted by the producer but not yet enqueued when the counters are read.
        Assert.True(pending >= duringOutage - 1, $"{pending} summaries journaled, {duringOutage} produced during the outage");
        await mosquitto.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await producing.CancelAsync();
        await producer;

        long total = Interlocked.Read(ref produced);
        await publisher.FlushAsync(new CancellationTokenSource(Limit).Token);
        await Eventually.TrueAsync(() => subscriber.Sequences.Get("agent-a") is { } s && s.HighestSequence == total && s.Missing == 0, Limit);

        var stats = subscriber.Sequences.Get("agent-a")!;
        Assert.True(total > atStop + 500, $"produced {total}, {atStop} before the outage");
        Assert.Equal(1, stats.FirstSequence);
        Assert.Equal(total, stats.Received);
        Assert.Equal(0, stats.Missing);
        Assert.Equal(0, publisher.Queue.Counters.Dropped);
        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), collector.Ordered().Select(s => s.Sequence));
    }

    private static Dictionary<string, string> Users(params string[] agents)
    {
        var users = agents.ToDictionary(a => a, a => $"secret-of-{a}");
        users[TestBroker.Controller] = TestBroker.ControllerSecret;
        return users;
    }
}
