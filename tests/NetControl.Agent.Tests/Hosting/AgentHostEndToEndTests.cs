using System.Collections.Concurrent;
using System.Net;
using NetControl.Agent.Hosting;
using NetControl.Messaging.Broker;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;
using NetControl.Simulators.Network.Links;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.Hosting;

/// <summary>
/// Two agents on loopback, each with a reflector, probing each other through an emulated link with 5 ms each way,
/// publishing through an embedded broker to a controller-side subscriber and presence tracker.
/// </summary>
public sealed class AgentHostEndToEndTests
{
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(5);
    private static readonly IPEndPoint Nowhere = new(IPAddress.Loopback, 9);

    [Fact]
    public async Task StartAsync_TwoAgentsThroughEmulatedLinks_SummariesArriveAndStopMarksOffline()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var broker = await EmbeddedBroker.StartAsync(
            new EmbeddedBrokerOptions
            {
                AgentSecrets = new Dictionary<string, string> { ["agent-a"] = "secret-a", ["agent-b"] = "secret-b" },
                ControllerSecret = "controller-secret",
            },
            cancellationToken: ct);
        int port = broker.EndPoint.Port;

        using var presence = new PresenceTracker(new PresenceTrackerOptions { SilenceTimeout = TimeSpan.FromMinutes(5) });
        var received = new ConcurrentQueue<ProbeSummary>();
        await using var subscriber = new MeasurementSubscriber(
            new MeasurementSubscriberOptions
            {
                Broker = new BrokerConnectionOptions { Host = "127.0.0.1", Port = port, UserName = "netcontrol-controller", Secret = "controller-secret" },
            },
            (m, _) =>
            {
                foreach (var s in m.Summaries)
                {
                    received.Enqueue(s);
                }

                return ValueTask.CompletedTask;
            },
            presence);
        await subscriber.StartAsync(ct);

        // Each link is created before the hosts (whose reflector ports are picked at start) and pointed at them after.
        var delay = LinkSettings.Symmetric(DirectionSettings.WithDelay(OneWay));
        await using var aToB = EmulatedLink.Start("A-B", Nowhere, delay);
        await using var bToA = EmulatedLink.Start("B-A", Nowhere, delay);
        await using var a = new AgentHost(TestAgents.Config("agent-a", "secret-a", port, reflector: true, TestAgents.Target("b", aToB.Endpoint, "LINK-AB")), TestAgents.FastHost);
        await using var b = new AgentHost(TestAgents.Config("agent-b", "secret-b", port, reflector: true, TestAgents.Target("a", bToA.Endpoint, "LINK-BA")), TestAgents.FastHost);
        await a.StartAsync(ct);
        await b.StartAsync(ct);
        aToB.SetTarget(b.ReflectorEndPoint!);
        bToA.SetTarget(a.ReflectorEndPoint!);

        await Eventually.TrueAsync(() => Answered(received, "agent-a") is not null && Answered(received, "agent-b") is not null, TimeSpan.FromSeconds(60));
        var fromA = Answered(received, "agent-a")!;
        var fromB = Answered(received, "agent-b")!;
        Assert.Equal(("b", "LINK-AB"), (fromA.TargetId, fromA.LinkId));
        Assert.Equal(("a", "LINK-BA"), (fromB.TargetId, fromB.LinkId));
        foreach (var s in new[] { fromA, fromB })
        {
            // Emulated RTT is 10 ms; the link never delivers early, scheduling may add a few ms.
            Assert.InRange(s.RttMedianUs!.Value, 9_500, 40_000);
            Assert.InRange(s.RttMinUs!.Value, 9_500, s.RttMedianUs.Value);
            Assert.True(s.Sequence >= 1);
            Assert.InRange(s.IntervalUs, 450_000, 550_000);
        }

        Assert.True(presence.Get("agent-a")?.IsUp);
        Assert.True(presence.Get("agent-b")?.IsUp);
        Assert.True(a.Counters.SummariesEnqueued >= 1);
        Assert.Equal(a.Counters.SummariesProduced, a.Counters.SummariesEnqueued);
        Assert.True(b.ReflectorCounters!.Reflected > 0);

        int left = await b.StopAsync(ct);

        Assert.Equal(0, left);
        await Eventually.TrueAsync(() => presence.Get("agent-b") is { IsUp: false }, TimeSpan.FromSeconds(30));
        Assert.Equal(PresenceReason.Offline, presence.Get("agent-b")!.Reason);
        Assert.True(presence.Get("agent-a")!.IsUp);
        Assert.Equal(0, a.Counters.SessionsRestarted);
    }

    private static ProbeSummary? Answered(IEnumerable<ProbeSummary> summaries, string agentId) =>
        summaries.FirstOrDefault(s => s.AgentId == agentId && s.RttMedianUs is not null && s.Received == s.Sent);
}
