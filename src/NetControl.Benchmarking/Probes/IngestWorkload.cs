using System.Globalization;
using NetControl.Messaging.Contracts;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// What the agents of an ingest run publish, built before the clock starts: each agent probes
/// <see cref="LinksPerAgent"/> links out of a shared pool of <see cref="LinkPool"/> (so several agents measure the
/// same link), one 1-second interval after another, with realistic figures (RTT, jitter, IPDV, PDV, loss, an
/// available-bandwidth range on every other summary). Intervals end before now, and each (link, agent) pair's
/// intervals strictly increase, as link state expects of a live feed.
/// </summary>
public sealed class IngestWorkload
{
    public const int LinksPerAgent = 250;
    public const int LinkPool = 1000;

    private IngestWorkload(IReadOnlyList<string> agents, IReadOnlyList<IReadOnlyList<ProbeSummary>> summaries)
    {
        Agents = agents;
        Summaries = summaries;
    }

    public IReadOnlyList<string> Agents { get; }

    /// <summary>Per agent, in publishing order (sequence numbers are assigned by the publisher).</summary>
    public IReadOnlyList<IReadOnlyList<ProbeSummary>> Summaries { get; }

    public long Total => Summaries.Sum(s => (long)s.Count);

    public static IngestWorkload Build(string runTag, int agents, int perAgent, DateTimeOffset now)
    {
        var links = Enumerable.Range(0, LinkPool).Select(i => string.Create(CultureInfo.InvariantCulture, $"link-{i:D4}")).ToArray();
        var targets = Enumerable.Range(0, LinkPool).Select(i => string.Create(CultureInfo.InvariantCulture, $"reflector-{i:D4}")).ToArray();
        var ids = Enumerable.Range(0, agents).Select(a => string.Create(CultureInfo.InvariantCulture, $"bench-{runTag}-agent-{a:D2}")).ToArray();
        int rounds = (perAgent + LinksPerAgent - 1) / LinksPerAgent;
        var start = now - TimeSpan.FromSeconds(rounds + 60);
        var random = new Random(42);
        var all = new List<IReadOnlyList<ProbeSummary>>(agents);
        for (int a = 0; a < agents; a++)
        {
            var list = new List<ProbeSummary>(perAgent);
            for (int i = 0; i < perAgent; i++)
            {
                int slot = ((a * LinksPerAgent) + (i % LinksPerAgent)) % LinkPool;
                long rttMin = 1_000 + (slot * 149L % 150_000);
                int lost = random.Next(100) < 90 ? 0 : random.Next(1, 5);
                list.Add(new ProbeSummary
                {
                    AgentId = ids[a],
                    TargetId = targets[slot],
                    LinkId = links[slot],
                    IntervalStart = start.AddSeconds(i / LinksPerAgent),
                    IntervalUs = 1_000_000,
                    Sent = 100,
                    Received = 100 - lost,
                    Lost = lost,
                    LossRatio = lost / 100.0,
                    Duplicates = 0,
                    Reordered = random.Next(3),
                    RttMinUs = rttMin,
                    RttMedianUs = rttMin + 40 + random.Next(200),
                    RttP95Us = rttMin + 600 + random.Next(400),
                    RttMaxUs = rttMin + 2_000 + random.Next(4_000),
                    JitterUs = Math.Round(20 + (random.NextDouble() * 80), 2),
                    IpdvUs = Math.Round(15 + (random.NextDouble() * 60), 2),
                    PdvUs = 500 + random.Next(1_000),
                    AvailableBandwidth = i % 2 == 0 ? new BandwidthRange(8_200_000_000, 9_100_000_000) : null,
                    Clock = ProbeClock.Kernel,
                });
            }

            all.Add(list);
        }

        return new IngestWorkload(ids, all);
    }
}
