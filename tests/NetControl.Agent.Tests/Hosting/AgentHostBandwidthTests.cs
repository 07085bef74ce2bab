using System.Collections.Concurrent;
using System.Net;
using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;
using NetControl.Messaging.Contracts;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.Hosting;

/// <summary>Available-bandwidth estimates reach the summaries of their target.</summary>
public sealed class AgentHostBandwidthTests
{
    [Fact]
    public async Task StartAsync_BandwidthTarget_EstimateAttachedToItsNextSummary()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var peerReceiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0));
        var target = TestAgents.Target("peer", reflector.LocalEndPoint, "L1") with
        {
            BandwidthAddress = new HostPort("127.0.0.1", peerReceiver.LocalEndPoint.Port),
        };
        var config = TestAgents.Config("agent-bw", "x", 1, reflector: false, target) with
        {
            // A low search ceiling keeps the loopback estimate short: nothing limits it, so it ends at the top.
            Bandwidth = new BandwidthConfig(new IPEndPoint(IPAddress.Loopback, 0), TimeSpan.FromMinutes(10), 16_000_000, 1, 10, ["peer"]),
        };
        var seen = new ConcurrentQueue<ProbeSummary>();
        await using var host = new AgentHost(config, TestAgents.FastHost with { FlushTimeout = TimeSpan.FromMilliseconds(100) });
        host.SummaryEnqueued += seen.Enqueue;

        await host.StartAsync(timeout.Token);
        Assert.NotEqual(0, host.BandwidthReceiverEndPoint!.Port);
        await Eventually.TrueAsync(() => seen.Any(s => s.AvailableBandwidth is not null) || host.Counters.EstimatesFailed > 0, TimeSpan.FromSeconds(90));

        Assert.Equal(0, host.Counters.EstimatesFailed);
        Assert.Equal(1, host.Counters.EstimatesCompleted);
        var range = Assert.Single(seen, s => s.AvailableBandwidth is not null).AvailableBandwidth!;
        Assert.InRange(range.LowBps, 1_000_000, range.HighBps);
        Assert.InRange(range.HighBps, range.LowBps, 10_000_000);
    }
}
