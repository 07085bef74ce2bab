using NetControl.Messaging.Topics;

namespace NetControl.Messaging.Tests.Topics;

public sealed class TopicSchemeTests
{
    [Fact]
    public void Measurements_AgentId_FollowsScheme() =>
        Assert.Equal("netcontrol/v1/agents/probe-7/measurements", TopicScheme.Measurements("probe-7"));

    [Theory]
    [InlineData("netcontrol/v1/agents/probe-7/status", "probe-7", AgentTopicKind.Status)]
    [InlineData("netcontrol/v1/agents/probe-7/measurements", "probe-7", AgentTopicKind.Measurements)]
    [InlineData("netcontrol/v1/agents/x/commands", "x", AgentTopicKind.Commands)]
    [InlineData("netcontrol/v1/agents/x/results", "x", AgentTopicKind.Results)]
    public void TryParseAgentTopic_SchemeTopic_SplitsIdAndKind(string topic, string id, AgentTopicKind kind)
    {
        Assert.True(TopicScheme.TryParseAgentTopic(topic, out var agentId, out var parsed));
        Assert.Equal(id, agentId.ToString());
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("netcontrol/v1/agents/probe-7/measurements/extra")]
    [InlineData("netcontrol/v1/agents//measurements")]
    [InlineData("netcontrol/v2/agents/probe-7/measurements")]
    [InlineData("netcontrol/v1/agents/probe-7/other")]
    [InlineData("netcontrol/v1/agents/+/measurements")]
    public void TryParseAgentTopic_OtherTopic_IsFalse(string topic) =>
        Assert.False(TopicScheme.TryParseAgentTopic(topic, out _, out _));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a+")]
    [InlineData("#")]
    [InlineData("")]
    [InlineData("with space")]
    public void ValidateAgentId_Unsafe_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => TopicScheme.ValidateAgentId(id));
}
