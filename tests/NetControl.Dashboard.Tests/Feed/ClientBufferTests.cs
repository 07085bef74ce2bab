using NetControl.Controller.Dashboard;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Feed;

public sealed class ClientBufferTests
{
    [Fact]
    public void Offer_SameKeyManyTimes_DrainsOnlyTheLatest()
    {
        var buffer = new ClientBuffer(maxKeys: 10, maxEvents: 10);
        for (int i = 0; i < 1000; i++)
        {
            buffer.Offer(Updates.Quality("L1", rtt: i));
        }

        var drained = buffer.Drain()!;

        var only = Assert.Single(drained.Updates);
        Assert.Equal(999, ((QualityPayload)only.Data).RttMs);
        Assert.Equal(999, buffer.Coalesced);
        Assert.Equal(0, drained.Dropped);
    }

    [Fact]
    public void Offer_MoreEventsThanTheBound_KeepsTheNewestAndCountsTheDropped()
    {
        var buffer = new ClientBuffer(maxKeys: 10, maxEvents: 3);
        for (int i = 0; i < 5; i++)
        {
            buffer.Offer(Updates.Event("e" + i));
        }

        var drained = buffer.Drain()!;

        Assert.Equal(["e2", "e3", "e4"], drained.Updates.Select(u => ((EventPayload)u.Data).Text));
        Assert.Equal(2, drained.Dropped);
        Assert.False(drained.Resync);
    }

    [Fact]
    public void Offer_MoreKeysThanTheBound_DropsAndAsksForResync()
    {
        var buffer = new ClientBuffer(maxKeys: 2, maxEvents: 3);
        buffer.Offer(Updates.Link("L1"));
        buffer.Offer(Updates.Link("L2"));
        buffer.Offer(Updates.Link("L3"));

        var drained = buffer.Drain()!;

        Assert.Equal(2, drained.Updates.Count);
        Assert.True(drained.Resync);
        Assert.Equal(1, buffer.DroppedTotal);
    }

    [Fact]
    public void Drain_MixedUpdates_KeepsOfferOrderWithCoalescedItemAtItsLatestPosition()
    {
        var buffer = new ClientBuffer(maxKeys: 10, maxEvents: 10);
        buffer.Offer(Updates.Link("L1", "down"));
        buffer.Offer(Updates.Event("cut"));
        buffer.Offer(Updates.Link("L2", "down"));
        buffer.Offer(Updates.Link("L1", "up"));

        var drained = buffer.Drain()!;

        Assert.Equal(["event", "link:L2", "link:L1"], drained.Updates.Select(u => u.Key ?? u.Kind));
        Assert.Equal("up", ((LinkStatePayload)drained.Updates[2].Data).State);
    }

    [Fact]
    public void Drain_NothingPending_ReturnsNull()
    {
        var buffer = new ClientBuffer(maxKeys: 10, maxEvents: 10);
        buffer.Offer(Updates.Link("L1"));
        _ = buffer.Drain();

        Assert.Null(buffer.Drain());
        Assert.Equal(0, buffer.Pending);
    }
}
