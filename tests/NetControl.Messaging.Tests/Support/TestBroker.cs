using Microsoft.Extensions.Logging;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;

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

    /// <summary>A controller-identity subscriber to the broker on <paramref name="port"/>, started (subscribed) within <paramref name="limit"/>.</summary>
    public static async Task<MeasurementSubscriber> StartSubscriberAsync(
        int port,
        TimeSpan limit,
        Func<ReceivedMeasurements, CancellationToken, ValueTask>? sink = null,
        PresenceTracker? presence = null,
        ILogger<MeasurementSubscriber>? logger = null)
    {
        var subscriber = new MeasurementSubscriber(new MeasurementSubscriberOptions { Broker = ControllerIdentity(port) }, sink ?? ((_, _) => ValueTask.CompletedTask), presence, logger);
        try
        {
            await subscriber.StartAsync(new CancellationTokenSource(limit).Token);
            return subscriber;
        }
        catch
        {
            await subscriber.DisposeAsync();
            throw;
        }
    }

    /// <summary>An agent publisher (not started) to the broker on <paramref name="port"/>, journaling in <paramref name="directory"/>.</summary>
    public static AgentPublisher Publisher(int port, string directory, string agentId = "agent-a", int? maxSummariesPerMessage = null)
    {
        var options = new AgentPublisherOptions { Broker = Agent(port, agentId), StoreAndForward = new StoreAndForwardOptions { Directory = directory } };
        return new AgentPublisher(maxSummariesPerMessage is { } max ? options with { MaxSummariesPerMessage = max } : options);
    }
}
