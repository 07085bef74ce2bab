using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;

namespace NetControl.Messaging.Tests.Support;

/// <summary>Credentials shared by the broker tests, and connection options for each identity.</summary>
internal static class TestBroker
{
    public const string Controller = "netcontrol-controller";
    public const string ControllerSecret = "controller-secret";

    public static EmbeddedBrokerOptions Options(params string[] agents) => new()
    {
        Port = 0,
        AgentSecrets = agents.ToDictionary(a => a, a => $"secret-of-{a}"),
        ControllerUserName = Controller,
        ControllerSecret = ControllerSecret,
    };

    public static BrokerConnectionOptions Agent(int port, string agentId, string? secret = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UserName = agentId,
        Secret = secret ?? $"secret-of-{agentId}",
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    public static BrokerConnectionOptions ControllerIdentity(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UserName = Controller,
        Secret = ControllerSecret,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };
}
