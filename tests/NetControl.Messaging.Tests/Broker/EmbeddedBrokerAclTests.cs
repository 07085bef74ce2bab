using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Broker;

public sealed class EmbeddedBrokerAclTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Publish_AgentAAsAgentB_RejectedAndNothingDelivered()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a", "agent-b"));
        var collector = new Collector();
        await using var subscriber = await TestBroker.StartSubscriberAsync(broker.EndPoint.Port, Limit, collector.SinkAsync);
        using var agentA = await ConnectAsync(TestBroker.Agent(broker.EndPoint.Port, "agent-a"), "agent-a");

        var forged = await agentA.PublishAsync(Message("netcontrol/v1/agents/agent-b/measurements", Batch("agent-b")), CancellationToken.None);
        var own = await agentA.PublishAsync(Message("netcontrol/v1/agents/agent-a/measurements", Batch("agent-a")), CancellationToken.None);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.True(own.IsSuccess);
        await Eventually.TrueAsync(() => collector.Count == 1);
        Assert.All(collector.Summaries, s => Assert.Equal("agent-a", s.AgentId));
        Assert.Null(subscriber.Sequences.Get("agent-b"));
        Assert.Equal(1, broker.Counters.PublishesRejected);
    }

    [Fact]
    public async Task Connect_WrongPassword_Refused()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a"));

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(TestBroker.Agent(broker.EndPoint.Port, "agent-a", "guessed"), "agent-a"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, ex.ResultCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(1, broker.Counters.ConnectionsRejected);
    }

    [Fact]
    public async Task Connect_AgentWithForeignClientId_Refused()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a", "agent-b"));

        var ex = await Assert.ThrowsAsync<MqttConnectException>(() => ConnectAsync(TestBroker.Agent(broker.EndPoint.Port, "agent-a"), "agent-b"));

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, ex.ResultCode);
    }

    [Fact]
    public async Task Subscribe_OtherAgentsCommands_Refused()
    {
        await using var broker = await EmbeddedBroker.StartAsync(TestBroker.Options("agent-a", "agent-b"));
        using var agentA = await ConnectAsync(TestBroker.Agent(broker.EndPoint.Port, "agent-a"), "agent-a");

        var result = await agentA.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter("netcontrol/v1/agents/agent-b/commands", MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter("netcontrol/v1/agents/agent-a/commands", MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            CancellationToken.None);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, result.Items.First().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, result.Items.Last().ResultCode);
        Assert.Equal(1, broker.Counters.SubscriptionsRejected);
    }

    private static async Task<IMqttClient> ConnectAsync(BrokerConnectionOptions options, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            await MqttConnector.ConnectAsync(client, MqttClientOptionsFactory.Persistent(options, clientId).Build(), "test", new CancellationTokenSource(Limit).Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static byte[] Batch(string agentId) =>
        NetControl.Messaging.Contracts.MessageCodec.EncodeBatch(new() { AgentId = agentId, Summaries = [Summaries.Make(agentId, 1) with { Sequence = 1 }] });
}
