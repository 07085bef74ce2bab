using NetControl.Core.Units;
using NetControl.Simulators.Network.Bottleneck;

namespace NetControl.Simulators.Network.Tests.Bottleneck;

public sealed class BottleneckQueueTests
{
    // An odd clock frequency catches code that assumes nanosecond or 100 ns ticks.
    private const long Frequency = 1_000_003;

    private static long Ticks(double seconds) => (long)Math.Round(seconds * Frequency);

    [Fact]
    public void Offer_BackToBackBurst_DepartsOneSerialisationTimeApart()
    {
        // 8 Mbit/s: a 1000-byte datagram takes 1 ms.
        var queue = new BottleneckQueue(new BottleneckSettings { Capacity = DataRate.FromMbps(8), PerPacketOverheadBytes = 0 }, Frequency, new Random(1), 0);
        var departures = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(queue.Offer(Ticks(0.010), 1000, out var depart));
            departures.Add(depart);
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.InRange(departures[i], Ticks(0.010 + ((i + 1) * 0.001)) - 1, Ticks(0.010 + ((i + 1) * 0.001)) + 1);
        }
    }

    [Fact]
    public void Offer_QueueLimitInBytes_DropsTail()
    {
        var queue = new BottleneckQueue(new BottleneckSettings { Capacity = DataRate.FromMbps(8), PerPacketOverheadBytes = 0, QueueLimitBytes = 3000 }, Frequency, new Random(1), 0);
        var admitted = Enumerable.Range(0, 10).Count(i => queue.Offer(0, 1000, out _));
        Assert.Equal(3, admitted);

        // A little after 2 ms two datagrams have left: two more fit again.
        Assert.True(queue.Offer(Ticks(0.0021), 1000, out _));
        Assert.True(queue.Offer(Ticks(0.0021), 1000, out _));
        Assert.False(queue.Offer(Ticks(0.0021), 1000, out _));
    }

    [Fact]
    public void Offer_QueueLimitInTime_IsCapacityWorth()
    {
        // 10 ms at 8 Mbit/s = 10,000 bytes.
        var queue = new BottleneckQueue(new BottleneckSettings { Capacity = DataRate.FromMbps(8), PerPacketOverheadBytes = 0, QueueLimitTime = TimeSpan.FromMilliseconds(10) }, Frequency, new Random(1), 0);
        Assert.Equal(10, Enumerable.Range(0, 30).Count(i => queue.Offer(0, 1000, out _)));
    }

    [Theory]
    [InlineData(CrossTrafficKind.ConstantBitRate)]
    [InlineData(CrossTrafficKind.Poisson)]
    public void Offer_OverloadWithCrossTraffic_QueueStaysWorkConservingAndCrossTakesItsPart(CrossTrafficKind kind)
    {
        // 20 Mbit/s bottleneck, 5 Mbit/s cross traffic, real traffic offered at 40 Mbit/s for 10 s.
        var settings = new BottleneckSettings
        {
            Capacity = DataRate.FromMbps(20),
            PerPacketOverheadBytes = 0,
            CrossTraffic = new CrossTrafficSettings(kind, DataRate.FromMbps(5), 1000),
        };
        var queue = new BottleneckQueue(settings, Frequency, new Random(5), 0);
        var gap = 1000 * 8 / 40e6;
        long admittedBytes = 0;
        for (var t = 0.0; t < 10; t += gap)
        {
            if (queue.Offer(Ticks(t), 1000, out _))
            {
                admittedBytes += 1000;
            }
        }

        // The overloaded bottleneck runs at capacity; cross traffic gets part of it (how much depends on the arrival
        // processes: drop-tail is not fair), so the real flow gets clearly less than the capacity.
        var realMbps = admittedBytes * 8 / 10.0 / 1e6;
        var crossMbps = (queue.CrossOffered - queue.CrossDropped) * 1000 * 8 / 10.0 / 1e6;
        Assert.InRange(realMbps + crossMbps, 20 * 0.98, 20 * 1.01);
        Assert.InRange(realMbps, 20 - 5, 20 - 0.5);
        Assert.InRange(queue.CrossOffered, 6_000, 6_500);
    }

    [Fact]
    public void Offer_UnderloadWithCrossTraffic_QueueingDelayIsPositiveButSmall()
    {
        var settings = new BottleneckSettings
        {
            Capacity = DataRate.FromMbps(10),
            PerPacketOverheadBytes = 0,
            CrossTraffic = CrossTrafficSettings.Poisson(DataRate.FromMbps(5), 1000),
        };
        var queue = new BottleneckQueue(settings, Frequency, new Random(9), 0);
        var waits = new List<double>();
        for (var t = 0.0; t < 5; t += 0.01)
        {
            Assert.True(queue.Offer(Ticks(t), 100, out var depart));
            waits.Add((depart - Ticks(t)) / (double)Frequency);
        }

        // M/D/1 at load 0.5 with 0.8 ms service: mean wait 0.4 ms plus own 80 us serialisation.
        Assert.InRange(waits.Average(), 0.0003, 0.0008);
    }
}
