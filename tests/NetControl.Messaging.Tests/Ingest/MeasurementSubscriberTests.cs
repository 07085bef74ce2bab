using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Ingest;

public sealed class MeasurementSubscriberTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Receive_BadJson_CountedAndLoopKeepsRunning()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        var collector = new Collector();
        var log = new LogCapture();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, collector.SinkAsync, logger: log.For<MeasurementSubscriber>());
        using var controller = new MqttClientFactory().CreateMqttClient();
        await MqttConnector.ConnectAsync(controller, MqttClientOptionsFactory.Persistent(TestBroker.ControllerIdentity(broker.EndPoint.Port), "tool").Build(), "test", CancellationToken.None);

        string topic = "netcontrol/v1/agents/agent-a/measurements";
        foreach (string bad in new[] { "{\"agentId\":\"agent-a\",\"summ", "\u0000\u0001binary", "[]", "{\"agentId\":\"agent-a\",\"summaries\":[{\"sequence\":-1}]}" })
        {
            await controller.PublishAsync(Message(topic, Encoding.UTF8.GetBytes(bad)), CancellationToken.None);
        }

        await controller.PublishAsync(Message(topic, MessageCodec.EncodeBatch(new ProbeSummaryBatch { AgentId = "agent-a", Summaries = [Summaries.Make("agent-a", 1) with { Sequence = 1 }] })), CancellationToken.None);

        await Eventually.TrueAsync(() => collector.Count == 1);
        Assert.Equal(4, subscriber.Counters.DecodeErrors);
        Assert.True(subscriber.IsConnected);
        Assert.Equal(4, log.WithEvent(6303).Count);
        Assert.All(log.Messages(6303), message => Assert.DoesNotContain('\n', message));
    }

    [Fact]
    public async Task Receive_SinkThrows_CountedAndLoopKeepsRunning()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        int calls = 0;
        await using var subscriber = new MeasurementSubscriber(
            new MeasurementSubscriberOptions { Broker = TestBroker.ControllerIdentity(broker.EndPoint.Port) },
            (_, _) => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("sink bug") : ValueTask.CompletedTask);
        await subscriber.StartAsync(new CancellationTokenSource(Limit).Token);
        using var dir = new TempDirectory();
        await using var publisher = TestBroker.Publisher(broker.EndPoint.Port, dir.Path, maxSummariesPerMessage: 1);
        publisher.Start();

        publisher.Enqueue(Summaries.Make("agent-a", 1));
        publisher.Enqueue(Summaries.Make("agent-a", 2));

        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 2);
        Assert.Equal(1, subscriber.Counters.SinkErrors);
    }

    [Fact]
    public async Task Receive_DuplicateSequence_CountedNotDelivered()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));
        var collector = new Collector();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, collector.SinkAsync);
        using var agent = new MqttClientFactory().CreateMqttClient();
        await MqttConnector.ConnectAsync(agent, MqttClientOptionsFactory.Persistent(TestBroker.Agent(broker.EndPoint.Port, "agent-a"), "agent-a").Build(), "test", CancellationToken.None);
        string topic = "netcontrol/v1/agents/agent-a/measurements";
        byte[] Batch(params int[] sequences) => MessageCodec.EncodeBatch(new ProbeSummaryBatch { AgentId = "agent-a", Summaries = [.. sequences.Select(s => Summaries.Make("agent-a", s) with { Sequence = s })] });

        await agent.PublishAsync(Message(topic, Batch(1, 2, 3)), CancellationToken.None);
        await agent.PublishAsync(Message(topic, Batch(2, 3, 4)), CancellationToken.None);

        await Eventually.TrueAsync(() => subscriber.Counters.Messages == 2);
        Assert.Equal([1L, 2, 3, 4], collector.Ordered().Select(s => s.Sequence));
        Assert.Equal(2, subscriber.Counters.Duplicates);
        Assert.Equal(2, subscriber.Sequences.Get("agent-a")!.Duplicates);
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
}
