using System.Diagnostics;
using NetControl.Core.Telemetry;

namespace NetControl.Benchmarking.Dashboard;

/// <summary>
/// Probe samples recorded into the controller's link telemetry at a steady rate (after MQTT: `netctl bench ingest`
/// measures that part), each ending now: the dashboard takes link quality from there by its poll, so the delay from
/// a sample's end to the client covers poll, coalescing, SignalR and the client.
/// </summary>
internal static class TelemetryWorkload
{
    public static async Task<long> RunAsync(LinkTelemetry links, int perSecond, int linkCount, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] ids = [.. Enumerable.Range(0, linkCount).Select(i => $"probe-{i:D4}")];
        var interval = TimeSpan.FromMilliseconds(500);
        var tick = TimeSpan.FromMilliseconds(10);
        var clock = Stopwatch.StartNew();
        long recorded = 0, rejected = 0;
        var random = new Random(11);
        while (clock.Elapsed < duration)
        {
            long due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; recorded + rejected < due;)
            {
                // Whole milliseconds, as the clients compare with their millisecond clocks.
                var end = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                double rtt = 20 + (random.NextDouble() * 5);
                var sample = new LinkSample(ids[(recorded + rejected) % linkCount], "bench-agent", end - interval, interval, 10, 0, 0, rtt, 0.3, null, null);
                if (links.TryRecord(sample))
                {
                    recorded++;
                }
                else
                {
                    rejected++;
                }
            }

            await Task.Delay(tick, cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }
}
