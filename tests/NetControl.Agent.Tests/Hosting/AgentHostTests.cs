using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using NetControl.Agent.Hosting;
using NetControl.Messaging.Contracts;
using NetControl.Probes.Sessions;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.Hosting;

/// <summary>The host without a broker: sessions, restarts, start-up errors and the bounded flush on stop.</summary>
public sealed class AgentHostTests
{
    [Fact]
    public async Task StartAsync_OneTargetFails_RestartedWhileTheOtherKeepsProbing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var config = TestAgents.Config("agent-r", "x", ClosedTcpPort(), reflector: false,
            TestAgents.Target("broken", "no-such-reflector.invalid", 862),
            TestAgents.Target("good", reflector.LocalEndPoint, "L1"));
        var seen = new ConcurrentQueue<ProbeSummary>();
        await using var host = new AgentHost(config, TestAgents.FastHost with { FlushTimeout = TimeSpan.FromMilliseconds(200) });
        host.SummaryEnqueued += seen.Enqueue;

        await host.StartAsync(timeout.Token);
        await Eventually.TrueAsync(() => host.Counters.SessionsRestarted >= 2 && seen.Count(s => s.RttMedianUs is not null) >= 2);

        Assert.All(seen, s => Assert.Equal(("agent-r", "good", "L1"), (s.AgentId, s.TargetId, s.LinkId)));
        Assert.Equal(seen.Select(s => s.Sequence).Order(), seen.Select(s => s.Sequence));
        Assert.False(host.IsBrokerConnected);

        int left = await host.StopAsync(timeout.Token);

        // No broker: the bounded flush gives up and everything stays journaled.
        Assert.Equal(host.Counters.SummariesEnqueued, left);
        Assert.True(host.PublisherCounters!.ConnectFailures >= 1);
    }

    [Fact]
    public async Task StartAsync_ReflectorPortInUse_ThrowsAgentException()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var config = TestAgents.Config("agent-p", "x", ClosedTcpPort(), reflector: false) with
        {
            Reflector = new(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)taken.LocalEndPoint!).Port)),
        };
        await using var host = new AgentHost(config);

        var ex = await Assert.ThrowsAsync<AgentException>(() => host.StartAsync(CancellationToken.None));

        Assert.StartsWith($"agent agent-p: the reflector cannot listen on {taken.LocalEndPoint}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        await using var host = new AgentHost(TestAgents.Config("agent-t", "x", ClosedTcpPort(), reflector: false));
        await host.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(CancellationToken.None));
        Assert.Equal(0, await host.StopAsync(CancellationToken.None));
    }

    private static int ClosedTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
