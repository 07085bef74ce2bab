using System.Diagnostics;
using NetControl.Controller.Dashboard;
using NetControl.Core.Telemetry;
using NetControl.Core.LinkState;

namespace NetControl.Benchmarking.Dashboard;

/// <summary>
/// Link-quality updates published into the dashboard feed at a steady rate, in 10 ms ticks, cycling over a set of
/// links: the entry point where the controller's telemetry, link-state and lightpath sources hand their changes over.
/// Each update is stamped with its ingest time.
/// </summary>
internal static class FeedWorkload
{
    public static async Task<long> RunAsync(DashboardFeed feed, int perSecond, int links, TimeSpan duration, CancellationToken cancellationToken)
    {
        var factory = new UpdateFactory(new LinkIndex());
        string[] ids = [.. Enumerable.Range(0, links).Select(i => $"bench-{i:D4}")];
        var tick = TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        long published = 0;
        var random = new Random(7);
        while (clock.Elapsed < duration)
        {
            long due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            var at = DateTimeOffset.UtcNow;
            for (; published < due; published++)
            {
                double rtt = 20 + (random.NextDouble() * 5);
                var quality = new LinkQuality(ids[published % links], at, 1000 / (1 + rtt), rtt, 0.4, 0, 900, 1000, LinkCondition.Up, "bench");
                feed.Publish(factory.Quality(quality, feed.Now()));
            }

            await Task.Delay(tick, cancellationToken).ConfigureAwait(false);
        }

        return published;
    }
}
