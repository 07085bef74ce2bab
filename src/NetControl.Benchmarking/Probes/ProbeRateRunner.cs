using System.Diagnostics;
using System.Net;
using NetControl.Probes.Metrics;
using NetControl.Probes.Sessions;
using NetControl.Probes.Timestamps;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// How many probes one agent process sustains: N STAMP sessions at once (each its own socket, one packet a
/// millisecond) to one reflector on loopback, in the same process, for a fixed time; the achieved aggregate rate is
/// what was actually sent (the timers may fall behind), the loss what never came back within Tmax.
/// </summary>
public static class ProbeRateRunner
{
    public static readonly TimeSpan SessionInterval = TimeSpan.FromMilliseconds(1);

    public static async Task<ProbeRateStep> RunStepAsync(int sessions, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        long perSession = (long)(duration / SessionInterval);
        var senders = new List<StampSessionSender>(sessions);
        try
        {
            for (int i = 0; i < sessions; i++)
            {
                senders.Add(new StampSessionSender(new StampSessionSenderOptions
                {
                    Target = reflector.LocalEndPoint,
                    LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                    Interval = SessionInterval,
                    Count = perSession,
                    Ssid = (ushort)(i + 1),
                    Tmax = TimeSpan.FromSeconds(1),
                    ReportingInterval = TimeSpan.FromHours(1),
                }));
            }

            long start = Stopwatch.GetTimestamp();
            var runs = senders.Select(s => CollectAsync(s, cancellationToken)).ToArray();
            long total = perSession * sessions;
            double sendSeconds = 0;
            var allSent = Task.Run(
                async () =>
                {
                    while (senders.Sum(s => s.Counters.Sent) < total && !runs.All(r => r.IsCompleted))
                    {
                        await Task.Delay(2, cancellationToken).ConfigureAwait(false);
                    }

                    sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                },
                cancellationToken);
            var summaries = await Task.WhenAll(runs).ConfigureAwait(false);
            await allSent.ConfigureAwait(false);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var all = summaries.SelectMany(s => s).ToList();
            long sent = all.Sum(s => s.Sent);
            long lost = all.Sum(s => s.Lost);
            var medians = all.Where(s => s.Rtt is not null).Select(s => s.Rtt!.Median).Order().ToList();
            var clock = all.Any(s => s.Clock != ReceiveClock.Kernel) ? ReceiveClock.UserSpace : ReceiveClock.Kernel;
            return new ProbeRateStep(
                sessions,
                sent,
                lost,
                sent / seconds,
                sent / Math.Max(sendSeconds, 1e-9),
                seconds,
                medians.Count == 0 ? TimeSpan.Zero : Percentile.NearestRank(medians, 50),
                reflector.Counters.Received,
                clock);
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<List<StampIntervalSummary>> CollectAsync(StampSessionSender sender, CancellationToken cancellationToken)
    {
        var list = new List<StampIntervalSummary>();
        await foreach (var summary in sender.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(summary);
        }

        return list;
    }
}
