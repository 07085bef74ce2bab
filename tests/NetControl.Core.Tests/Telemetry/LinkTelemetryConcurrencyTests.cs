using NetControl.Core.Telemetry;

namespace NetControl.Core.Tests.Telemetry;

public sealed class LinkTelemetryConcurrencyTests
{
    private const int Threads = 4;
    private const int Links = 64;
    private const int SamplesPerThreadAndLink = 400;

    [Fact]
    public void TryRecord_ManyThreadsManyLinks_TotalsAddUpAndEventsMatchSequentialReplay()
    {
        var telemetry = Samples.Telemetry();
        var events = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        for (int l = 0; l < Links; l++)
        {
            events[LinkId(l)] = [];
        }

        telemetry.ConditionChanged += change => Append(events[change.LinkId], change);
        telemetry.QualityChanged += change => Append(events[change.Current.LinkId], change);

        using var start = new Barrier(Threads);
        var workers = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            workers[t] = new Thread(() =>
            {
                var random = new Random(thread);
                double[] losses = [0, 0, 0, 0, 0.05, 0.95];
                start.SignalAndWait();
                for (int i = 0; i < SamplesPerThreadAndLink; i++)
                {
                    for (int l = 0; l < Links; l++)
                    {
                        double loss = losses[random.Next(losses.Length)];
                        var sample = Samples.At(i, link: LinkId(l), loss: loss, rtt: 20 + random.Next(40), source: "t" + thread);
                        Assert.True(telemetry.TryRecord(sample));
                    }
                }
            });
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Equal(Threads * Links * SamplesPerThreadAndLink, telemetry.Counters.Accepted);
        Assert.Equal(0, telemetry.Counters.Rejected);
        Assert.Equal(Links, telemetry.All().Count);
        int conditionChanges = 0;
        foreach (var list in events.Values)
        {
            conditionChanges += list.Count(e => e is LinkConditionChange);
        }

        Assert.True(conditionChanges > Links, $"the loss mix should move conditions, saw {conditionChanges} changes");

        // History is the order the link's lock applied samples in: replaying it on one thread must raise the same events.
        for (int l = 0; l < Links; l++)
        {
            string link = LinkId(l);
            var history = telemetry.History(link);
            Assert.Equal(Threads * SamplesPerThreadAndLink, history.Count);
            var replay = Samples.Telemetry();
            var expected = new List<object>();
            replay.ConditionChanged += expected.Add;
            replay.QualityChanged += expected.Add;
            foreach (var sample in history)
            {
                replay.TryRecord(sample);
            }

            Assert.Equal(expected, events[link], EventComparer.Instance);
            Assert.Equal(replay.Latest(link), telemetry.Latest(link));
        }
    }

    private static string LinkId(int l) => $"link-{l:D3}";

    private static void Append(List<object> list, object item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    /// <summary>Events equal by value (quality changes: both sides by value, since instances differ between runs).</summary>
    private sealed class EventComparer : IEqualityComparer<object>
    {
        public static readonly EventComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is LinkQualityChange a && y is LinkQualityChange b
            ? Equals(a.Previous, b.Previous) && Equals(a.Current, b.Current)
            : object.Equals(x, y);

        public int GetHashCode(object obj) => 0;
    }
}
