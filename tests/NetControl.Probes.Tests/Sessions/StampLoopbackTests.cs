using System.Net;
using NetControl.Probes.Sessions;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Tests.Sessions;

/// <summary>Our sender against our reflector over loopback, on ephemeral ports.</summary>
public sealed class StampLoopbackTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsync_AgainstReflector_NoLossSmallRttKernelClock()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var sender = new StampSessionSender(Options(reflector.LocalEndPoint, count: 20) with { PacketSize = 128 });

        var summaries = await sender.RunAsync().ToListAsync().AsTask().WaitAsync(Limit);

        Assert.Equal(20, summaries.Sum(s => s.Sent));
        Assert.Equal(20, summaries.Sum(s => s.Received));
        Assert.Equal(0, summaries.Sum(s => s.Lost));
        Assert.All(summaries, s => Assert.Equal(0, s.LossRatio));
        var rtt = Assert.Single(summaries).Rtt!;
        Assert.Equal(20, rtt.Count);
        Assert.InRange(rtt.Min, TimeSpan.Zero, rtt.Median);
        Assert.InRange(rtt.Max, rtt.P95, TimeSpan.FromSeconds(1));
        Assert.Equal(20, reflector.Counters.Reflected);
        Assert.Equal(0, sender.Counters.Malformed + sender.Counters.Ignored);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(ReceiveClock.Kernel, summaries[0].Clock);
            Assert.Equal(ReceiveClock.Kernel, reflector.ReceiveClock);
        }
    }

    [Fact]
    public async Task RunAsync_KernelTimestampsOff_ReportsUserSpaceClock()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var sender = new StampSessionSender(Options(reflector.LocalEndPoint, count: 5) with { KernelTimestamps = false });

        var summary = Assert.Single(await sender.RunAsync().ToListAsync().AsTask().WaitAsync(Limit));

        Assert.Equal(ReceiveClock.UserSpace, summary.Clock);
        Assert.Equal(5, summary.Received);
    }

    [Fact]
    public async Task RunAsync_RelayDropsEveryFifthReply_LossRatioIsExactlyPointTwo()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var relay = new DroppingUdpRelay(reflector.LocalEndPoint, dropEvery: 5);
        await using var sender = new StampSessionSender(Options(relay.EndPoint, count: 50) with { Tmax = TimeSpan.FromSeconds(2) });

        var summary = Assert.Single(await sender.RunAsync().ToListAsync().AsTask().WaitAsync(Limit));

        Assert.Equal((50, 40, 10), (summary.Sent, summary.Received, summary.Lost));
        Assert.Equal(0.2, summary.LossRatio);
        Assert.Equal(10, relay.Dropped);
        Assert.Equal(40, summary.Rtt!.Count);
        Assert.Equal(50, reflector.Counters.Reflected);
    }

    private static StampSessionSenderOptions Options(IPEndPoint target, long count) => new()
    {
        Target = target,
        LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        Interval = TimeSpan.FromMilliseconds(5),
        Tmax = TimeSpan.FromSeconds(10),
        ReportingInterval = TimeSpan.FromHours(1),
        Count = count,
    };
}
