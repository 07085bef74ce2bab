using System.Globalization;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Probes;
using NetControl.Benchmarking.Reporting;
using NetControl.Messaging.Broker;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench ingest</c>: probe summaries from several agents (each an <see cref="NetControl.Messaging.Agent.AgentPublisher"/>
/// with its own store-and-forward journal) through a broker on loopback to a <see cref="NetControl.Messaging.Ingest.MeasurementSubscriber"/>
/// whose sink records each one into <see cref="NetControl.Core.Telemetry.LinkTelemetry"/>: measurements/s from the first
/// enqueue to the last recorded, and nothing lost or duplicated. The embedded broker beside Debian's Mosquitto, same
/// publishers, subscriber and sink, in the same run.
/// </summary>
public static class IngestBenchSuite
{
    /// <summary>DESIGN.md: 200,000 measurements/s on 2 cores with no loss.</summary>
    public const double TargetPerSecond = 200_000;

    public static async Task<BenchReport> RunAsync(MeasureOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        bool quick = options == MeasureOptions.Quick;
        int agents = quick ? 4 : 8;
        int perAgent = quick ? 10_000 : 50_000;
        int repetitions = quick ? 1 : 3;
        var limit = TimeSpan.FromSeconds(quick ? 60 : 120);

        var ours = new List<IngestRunResult>();
        for (int r = quick ? 0 : -1; r < repetitions; r++)
        {
            // Full runs start with an uncounted warm-up (JIT, thread pool growth) at a tenth of the size.
            bool warmup = r < 0;
            var workload = IngestWorkload.Build(warmup ? "ew" : $"e{r}", agents, warmup ? perAgent / 10 : perAgent, DateTimeOffset.UtcNow);
            progress(warmup ? "embedded broker, warm-up run (not counted)" : $"embedded broker, run {r + 1}/{repetitions}: {agents} agents x {perAgent:N0} summaries on {IngestWorkload.LinkPool} links");
            await using var broker = await EmbeddedBroker.StartAsync(
                new EmbeddedBrokerOptions
                {
                    Port = 0,
                    AgentSecrets = workload.Agents.ToDictionary(a => a, IngestRunner.SecretOf, StringComparer.Ordinal),
                    ControllerUserName = IngestRunner.ControllerUser,
                    ControllerSecret = IngestRunner.ControllerSecret,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var result = await IngestRunner.RunAsync(broker.EndPoint.Port, workload, limit, cancellationToken).ConfigureAwait(false);
            progress(Describe(result));
            if (!warmup)
            {
                ours.Add(result);
            }
        }

        var theirs = new List<IngestRunResult>();
        string? skipped = BenchMosquitto.MissingReason();
        if (skipped is null)
        {
            try
            {
                for (int r = quick ? 0 : -1; r < repetitions; r++)
                {
                    bool warmup = r < 0;
                    var workload = IngestWorkload.Build(warmup ? "mw" : $"m{r}", agents, warmup ? perAgent / 10 : perAgent, DateTimeOffset.UtcNow);
                    progress(warmup ? "mosquitto, warm-up run (not counted)" : $"mosquitto, run {r + 1}/{repetitions}: the same workload");
                    var users = workload.Agents.ToDictionary(a => a, IngestRunner.SecretOf, StringComparer.Ordinal);
                    users[IngestRunner.ControllerUser] = IngestRunner.ControllerSecret;
                    await using var mosquitto = await BenchMosquitto.StartAsync(users, IngestRunner.ControllerUser, cancellationToken).ConfigureAwait(false);
                    var result = await IngestRunner.RunAsync(mosquitto.Port, workload, limit, cancellationToken).ConfigureAwait(false);
                    progress(Describe(result));
                    if (!warmup)
                    {
                        theirs.Add(result);
                    }
                }
            }
            catch (BenchmarkSetupException ex)
            {
                skipped = ex.Message;
                theirs.Clear();
            }
        }

        if (skipped is not null)
        {
            progress($"mosquitto baseline skipped: {skipped}");
        }

        var best = ours.MaxBy(r => r.PerSecond)!;
        var median = ours.OrderBy(r => r.PerSecond).ElementAt(ours.Count / 2);
        bool noLoss = ours.All(r => r.Complete && r.Lost == 0 && r.Missing == 0 && r.Accepted == r.Expected && r.Delivered == r.Expected);
        var result2 = new Dictionary<string, double>
        {
            ["agents"] = agents,
            ["summaries per run"] = best.Expected,
            ["links"] = IngestWorkload.LinkPool,
            ["runs"] = ours.Count,
            ["measurements/s median"] = Math.Round(median.PerSecond, 0),
            ["measurements/s best"] = Math.Round(best.PerSecond, 0),
            ["enqueue/s median (journal appends)"] = Math.Round(median.Expected / median.EnqueueSeconds, 0),
            ["lost"] = ours.Sum(r => r.Lost),
            ["missing sequence numbers"] = ours.Sum(r => r.Missing),
            ["duplicates removed"] = ours.Sum(r => r.Duplicates),
            ["telemetry accepted"] = ours.Sum(r => r.Accepted),
            ["telemetry rejected"] = ours.Sum(r => r.Rejected),
            ["journal dropped"] = ours.Sum(r => r.DroppedByJournal),
            ["no loss"] = noLoss ? 1 : 0,
            ["target (200,000/s, no loss) met"] = median.PerSecond >= TargetPerSecond && noLoss ? 1 : 0,
        };
        if (theirs.Count > 0)
        {
            var theirMedian = theirs.OrderBy(r => r.PerSecond).ElementAt(theirs.Count / 2);
            result2["mosquitto measurements/s median"] = Math.Round(theirMedian.PerSecond, 0);
            result2["mosquitto measurements/s best"] = Math.Round(theirs.Max(r => r.PerSecond), 0);
            result2["mosquitto lost"] = theirs.Sum(r => r.Lost);
            result2["mosquitto duplicates removed"] = theirs.Sum(r => r.Duplicates);
            result2["mosquitto telemetry accepted"] = theirs.Sum(r => r.Accepted);
            result2["mosquitto no loss"] = theirs.All(r => r.Complete && r.Lost == 0 && r.Missing == 0 && r.Accepted == r.Expected) ? 1 : 0;
        }

        var benchCase = new BenchCase
        {
            Name = Invariant($"ingest/{agents}-agents-{best.Expected}-summaries"),
            Description = Invariant($"{agents} agents (AgentPublisher, each journaling to its own temp directory without fsync, {IngestRunner.EnqueueChunk} summaries per EnqueueRange, batches of up to 100 per QoS 1 message) publish {perAgent:N0} ProbeSummaries each ({IngestWorkload.LinksPerAgent} links per agent out of {IngestWorkload.LinkPool}) through the broker to one MeasurementSubscriber whose sink converts every summary to a LinkSample and records it into LinkTelemetry; all in this process on loopback; time from the first enqueue to the last sample recorded, {ours.Count} run(s), fresh broker each{(quick ? string.Empty : ", after an uncounted warm-up run")}; lost = enqueued minus distinct sequence numbers seen (SequenceTracker), and link state must accept every sample"),
            Ours = Sample.Of("NetControl: EmbeddedBroker (MQTTnet) in process", ours.Select(r => r.Seconds * 1000)),
            Baseline = theirs.Count > 0 ? Sample.Of("Debian mosquitto on loopback (separate process)", theirs.Select(r => r.Seconds * 1000)) : null,
            BaselineNote = skipped is null
                ? "the same agents, subscriber and sink through Mosquitto (no persistence, max_inflight_messages 1000); its broker runs in its own process"
                : $"mosquitto baseline skipped: {skipped}",
            Agree = theirs.Count > 0 ? noLoss && theirs.All(r => r.Lost == 0 && r.Accepted == r.Expected) : null,
            Result = result2,
        };
        return new BenchReport("ingest", MachineInfo.Current(), [benchCase]);
    }

    private static string Describe(IngestRunResult r) => Invariant(
        $"  {r.Delivered:N0}/{r.Expected:N0} summaries in {r.Seconds:0.###} s = {r.PerSecond:N0}/s (enqueue {r.EnqueueSeconds:0.###} s), lost {r.Lost}, duplicates {r.Duplicates}, link state accepted {r.Accepted:N0}, rejected {r.Rejected}{(r.Complete ? string.Empty : ", INCOMPLETE at the time limit")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
