using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Sessions;
using NetControl.Tests.Shared;

namespace NetControl.Probes.Tests.Sessions;

/// <summary>The whole sender with the cadence and Tmax on virtual time, aimed at a socket that never answers.</summary>
public sealed class StampSessionSenderVirtualTimeTests
{
    [Fact]
    public async Task RunAsync_NoReplies_DeclaresEveryPacketLostAfterTmax()
    {
        using var blackHole = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        blackHole.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var time = new ManualTimeProvider();
        var options = new StampSessionSenderOptions
        {
            Target = (IPEndPoint)blackHole.LocalEndPoint!,
            LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Interval = TimeSpan.FromSeconds(1),
            Tmax = TimeSpan.FromSeconds(5),
            ReportingInterval = TimeSpan.FromSeconds(60),
            Count = 2,
        };
        await using var sender = new StampSessionSender(options, timeProvider: time);

        var run = Task.Run(async () => await sender.RunAsync().ToListAsync());
        await Eventually.TrueAsync(() => sender.Counters.Sent == 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => sender.Counters.Sent == 2);
        Assert.False(run.IsCompleted);
        for (var second = 0; second < 5; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var summary = Assert.Single(await run.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((2, 0, 2), (summary.Sent, summary.Received, summary.Lost));
        Assert.Equal(1.0, summary.LossRatio);
        Assert.Null(summary.Rtt);
        Assert.Equal(time.GetUtcNow(), summary.End);
        Assert.Equal(TimeSpan.FromSeconds(6), summary.End - summary.Start);
    }
}
