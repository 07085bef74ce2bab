using System.Text;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Tests.Support;

namespace NetControl.Messaging.Tests.Broker;

public sealed class BrokerAccessPolicyTests
{
    private readonly BrokerAccessPolicy _policy = new(TestBroker.Options("agent-a", "agent-b"));

    [Fact]
    public void Authenticate_AgentWithOwnClientId_IsAgent() =>
        Assert.Equal(BrokerIdentity.Agent, _policy.Authenticate("agent-a", "agent-a", Encoding.UTF8.GetBytes("secret-of-agent-a"), out _));

    [Fact]
    public void Authenticate_WrongSecret_IsRefused()
    {
        Assert.Equal(BrokerIdentity.None, _policy.Authenticate("agent-a", "agent-a", Encoding.UTF8.GetBytes("secret-of-agent-b"), out string reason));
        Assert.Equal("wrong secret", reason);
    }

    [Fact]
    public void Authenticate_AgentUsingAnotherClientId_IsRefused() =>
        Assert.Equal(BrokerIdentity.None, _policy.Authenticate("agent-b", "agent-a", Encoding.UTF8.GetBytes("secret-of-agent-a"), out _));

    [Fact]
    public void Authenticate_ControllerTakingAgentClientId_IsRefused() =>
        Assert.Equal(BrokerIdentity.None, _policy.Authenticate("agent-a", TestBroker.Controller, Encoding.UTF8.GetBytes(TestBroker.ControllerSecret), out _));

    [Theory]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/measurements", true)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/status", true)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-b/measurements", false)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/commands", false)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/results", true)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-b/results", false)]
    [InlineData("agent-a", "netcontrol/v1/other", false)]
    [InlineData(TestBroker.Controller, "netcontrol/v1/agents/agent-b/commands", true)]
    [InlineData("stranger", "netcontrol/v1/agents/stranger/status", false)]
    public void CanPublish_Topic_FollowsAcl(string user, string topic, bool allowed) =>
        Assert.Equal(allowed, _policy.CanPublish(user, topic));

    [Theory]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/commands", true)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-a/commands/#", true)]
    [InlineData("agent-a", "netcontrol/v1/agents/agent-b/commands", false)]
    [InlineData("agent-a", "netcontrol/v1/agents/+/commands", false)]
    [InlineData("agent-a", "#", false)]
    [InlineData(TestBroker.Controller, "netcontrol/v1/agents/+/measurements", true)]
    public void CanSubscribe_Filter_FollowsAcl(string user, string filter, bool allowed) =>
        Assert.Equal(allowed, _policy.CanSubscribe(user, filter));
}
