using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetControl.Controller.Dashboard;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Feed;

public sealed class DashboardFeedTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    private DashboardFeed NewFeed(DashboardOptions? options = null) =>
        new(options ?? new DashboardOptions(), _time, NullLogger<DashboardFeed>.Instance);

    [Fact]
    public void Publish_StalledClient_ReturnsAtOnceAndKeepsOnlyTheLatestPerKey()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        var slow = feed.Add("slow", DashboardFilter.All);
        sender.Stall("slow");
        feed.Publish(Updates.Link("L0"));
        Assert.Single(feed.Flush(sender, default));

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 200_000; i++)
        {
            feed.Publish(Updates.Quality("L" + (i % 50), rtt: i));
            if (i % 1000 == 0)
            {
                Assert.Empty(feed.Flush(sender, default));
            }
        }

        clock.Stop();
        Assert.Equal(50, slow.Buffer.Pending);
        Assert.True(slow.SkippedFlushes >= 199, $"skipped {slow.SkippedFlushes}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"publishing took {clock.Elapsed}");
    }

    [Fact]
    public async Task Flush_OneClientStalled_OtherClientStillGetsEveryBatch()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        feed.Add("slow", DashboardFilter.All);
        feed.Add("fast", DashboardFilter.All);
        sender.Stall("slow");

        for (int round = 0; round < 5; round++)
        {
            feed.Publish(Updates.Link("L1", round % 2 == 0 ? "down" : "up"));
            await Task.WhenAll(feed.Flush(sender, default).Where(t => t.IsCompleted));
        }

        Assert.Equal(5, sender.To("fast").Count);
        Assert.Single(sender.To("slow"));
    }

    [Fact]
    public async Task Flush_AfterStalledSendCompletes_SendsTheCoalescedLatest()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        feed.Add("c", DashboardFilter.All);
        sender.Stall("c");
        feed.Publish(Updates.Quality("L1", 1));
        var first = feed.Flush(sender, default);
        for (int i = 2; i <= 100; i++)
        {
            feed.Publish(Updates.Quality("L1", i));
            Assert.Empty(feed.Flush(sender, default));
        }

        sender.Release("c");
        await Task.WhenAll(first);
        await Task.WhenAll(feed.Flush(sender, default));

        var batches = sender.To("c");
        Assert.Equal(2, batches.Count);
        var latest = Assert.Single(batches[1].Updates);
        Assert.Equal(100, ((QualityPayload)latest.Data).RttMs);
        Assert.Equal(2, batches[1].Sequence);
    }

    [Fact]
    public async Task Flush_ClientWithFilter_ReceivesOnlyMatchingUpdates()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        feed.Add("c", new DashboardFilter { Links = ["L2"] });

        feed.Publish(Updates.Link("L1"));
        feed.Publish(Updates.Link("L2"));
        await Task.WhenAll(feed.Flush(sender, default));

        var batch = Assert.Single(sender.To("c"));
        Assert.Equal("link:L2", Assert.Single(batch.Updates).Key);
    }

    [Fact]
    public async Task Flush_StampsTheBatchWithTheInjectedClock()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        feed.Add("c", DashboardFilter.All);
        feed.Publish(Updates.Event("x", at: feed.Now()));
        _time.Advance(TimeSpan.FromMilliseconds(70));

        await Task.WhenAll(feed.Flush(sender, default));

        var batch = Assert.Single(sender.To("c"));
        Assert.Equal(70, batch.SentAt - batch.Updates[0].IngestedAt);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), batch.SentAt);
    }

    [Fact]
    public void RecentEvents_MoreThanKept_ReturnsTheNewestOldestFirst()
    {
        var feed = NewFeed(new DashboardOptions { RecentEvents = 2 });

        feed.Publish(Updates.Event("a"));
        feed.Publish(Updates.Event("b"));
        feed.Publish(Updates.Event("c"));
        feed.Publish(Updates.Link("L1"));

        Assert.Equal(["b", "c"], feed.RecentEvents().Select(u => ((EventPayload)u.Data).Text));
    }

    [Fact]
    public async Task Remove_ClientGone_NoLongerBuffersOrSends()
    {
        var feed = NewFeed();
        var sender = new RecordingSender();
        var client = feed.Add("c", DashboardFilter.All);
        feed.Remove("c");

        feed.Publish(Updates.Link("L1"));
        await Task.WhenAll(feed.Flush(sender, default));

        Assert.Equal(0, client.Buffer.Offered);
        Assert.Empty(sender.Sent);
    }
}
