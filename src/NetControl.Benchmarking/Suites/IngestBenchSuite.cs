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

        string? skipped = BenchMosquitto.MissingReason();
        var cases = new List<BenchCase>();
        foreach (bool drain in new[] { false, true })
        {
            string mode = drain ? "drain" : "end to end";
            var ours = await SeriesAsync("e", drain, (workload, ct) => EmbeddedAsync(workload, ct)).ConfigureAwait(false);
            var theirs = new List<IngestRunResult>();
            if (skipped is null)
            {
                try
                {
                    theirs = await SeriesAsync("m", drain, (workload, ct) => MosquittoAsync(workload, ct)).ConfigureAwait(false);
                }
                catch (BenchmarkSetupException ex)
                {
                    skipped = ex.Message;
                }
            }

            if (skipped is not null)
            {
                progress($"mosquitto baseline skipped: {skipped}");
                theirs.Clear();
            }

            cases.Add(Case(drain, ours, theirs, skipped, agents, perAgent, quick));
        }

        return new BenchReport("ingest", MachineInfo.Current(), cases);

        async Task<List<IngestRunResult>> SeriesAsync(string prefix, bool drain, Func<IngestWorkload, CancellationToken, Task<(IAsyncDisposable Broker, int Port)>> startBroker)
        {
            var results = new List<IngestRunResult>();
            for (int r = quick ? 0 : -1; r < repetitions; r++)
            {
                // Full runs start with an uncounted warm-up (JIT, thread pool growth) at a tenth of the size.
                bool warmup = r < 0;
                var workload = IngestWorkload.Build(warmup ? $"{prefix}w" : $"{prefix}{r}", agents, warmup ? perAgent / 10 : perAgent, DateTimeOffset.UtcNow);
                string broker = prefix == "e" ? "embedded broker" : "mosquitto";
                progress(warmup ? $"{broker}, {(drain ? "drain" : "end to end")}, warm-up run (not counted)" : $"{broker}, {(drain ? "drain" : "end to end")}, run {r + 1}/{repetitions}: {agents} agents x {perAgent:N0} summaries on {IngestWorkload.LinkPool} links");
                var (handle, port) = await startBroker(workload, cancellationToken).ConfigureAwait(false);
                await using (handle.ConfigureAwait(false))
                {
                    var result = await IngestRunner.RunAsync(port, workload, limit, cancellationToken, drain).ConfigureAwait(false);
                    progress(Describe(result));
                    if (!warmup)
                    {
                        results.Add(result);
                    }
                }
            }

            return results;
        }
    }

    private static async Task<(IAsyncDisposable, int)> EmbeddedAsync(IngestWorkload workload, CancellationToken cancellationToken)
    {
        var broker = await EmbeddedBroker.StartAsync(
            new EmbeddedBrokerOptions
            {
                Port = 0,
                AgentSecrets = workload.Agents.ToDictionary(a => a, IngestRunner.SecretOf, StringComparer.Ordinal),
                ControllerUserName = IngestRunner.ControllerUser,
                ControllerSecret = IngestRunner.ControllerSecret,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return (broker, broker.EndPoint.Port);
    }

    private static async Task<(IAsyncDisposable, int)> MosquittoAsync(IngestWorkload workload, CancellationToken cancellationToken)
    {
        var users = workload.Agents.ToDictionary(a => a, IngestRunner.SecretOf, StringComparer.Ordinal);
        users[IngestRunner.ControllerUser] = IngestRunner.ControllerSecret;
        var mosquitto = await BenchMosquitto.StartAsync(users, IngestRunner.ControllerUser, cancellationToken).ConfigureAwait(false);
        return (mosquitto, mosquitto.Port);
    }

    private static BenchCase Case(bool drain, List<IngestRunResult> ours, List<IngestRunResult> theirs, string? skipped, int agents, int perAgent, bool quick)
    {
        var best = ours.MaxBy(r => r.PerSecond)!;
        var median = ours.OrderBy(r => r.PerSecond).ElementAt(ours.Count / 2);
        bool noLoss = ours.All(r => r.Complete && r.Lost == 0 && r.Missing == 0 && r.Accepted == r.Expected && r.Delivered == r.Expected);
        var result = new Dictionary<string, double>
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
        };

        // The target is on MQTT to link state: judged on the drain case, where the agents are not on the clock.
        result[drain ? "target (200,000/s, no loss) met" : "target judged on the drain case"] = drain ? (median.PerSecond >= TargetPerSecond && noLoss ? 1 : 0) : 1;
        if (theirs.Count > 0)
        {
            var theirMedian = theirs.OrderBy(r => r.PerSecond).ElementAt(theirs.Count / 2);
            result["mosquitto measurements/s median"] = Math.Round(theirMedian.PerSecond, 0);
            result["mosquitto measurements/s best"] = Math.Round(theirs.Max(r => r.PerSecond), 0);
            result["mosquitto lost"] = theirs.Sum(r => r.Lost);
            result["mosquitto duplicates removed"] = theirs.Sum(r => r.Duplicates);
            result["mosquitto telemetry accepted"] = theirs.Sum(r => r.Accepted);
            result["mosquitto no loss"] = theirs.All(r => r.Complete && r.Lost == 0 && r.Missing == 0 && r.Accepted == r.Expected) ? 1 : 0;
        }

        string what = drain
            ? Invariant($"MQTT to link state alone: {agents} agents publish {perAgent:N0} ProbeSummaries each while the controller's subscriber is away (the broker acknowledges and queues them for its persistent session); then the subscriber connects and the clock runs from its return to the last of the {best.Expected:N0} summaries recorded into LinkTelemetry (decode, duplicate check, conversion, quality and alarms)")
            : Invariant($"{agents} agents (AgentPublisher, each journaling to its own temp directory without fsync, {IngestRunner.EnqueueChunk} summaries per EnqueueRange, batches of up to 100 per QoS 1 message) publish {perAgent:N0} ProbeSummaries each ({IngestWorkload.LinksPerAgent} links per agent out of {IngestWorkload.LinkPool}) through the broker to one MeasurementSubscriber whose sink records every summary into LinkTelemetry; agents, broker and controller in this process on the same cores; time from the first enqueue to the last sample recorded");
        return new BenchCase
        {
            Name = Invariant($"ingest/{(drain ? "drain" : "end-to-end")}-{agents}-agents-{best.Expected}-summaries"),
            Description = Invariant($"{what}; {ours.Count} run(s), fresh broker each{(quick ? string.Empty : ", after an uncounted warm-up run")}; lost = enqueued minus distinct sequence numbers seen (SequenceTracker), and link state must accept every sample"),
            Ours = Sample.Of("NetControl: EmbeddedBroker (MQTTnet) in process", ours.Select(r => r.Seconds * 1000)),
            Baseline = theirs.Count > 0 ? Sample.Of("Debian mosquitto on loopback (separate process)", theirs.Select(r => r.Seconds * 1000)) : null,
            BaselineNote = skipped is null
                ? "the same agents, subscriber and sink through Mosquitto (no persistence, max_inflight_messages 1000); its broker runs in its own process"
                : $"mosquitto baseline skipped: {skipped}",
            Agree = theirs.Count > 0 ? noLoss && theirs.All(r => r.Lost == 0 && r.Accepted == r.Expected) : null,
            Result = result,
        };
    }

    private static string Describe(IngestRunResult r) => Invariant(
        $"  {r.Delivered:N0}/{r.Expected:N0} summaries in {r.Seconds:0.###} s = {r.PerSecond:N0}/s (enqueue {r.EnqueueSeconds:0.###} s), lost {r.Lost}, duplicates {r.Duplicates}, link state accepted {r.Accepted:N0}, rejected {r.Rejected}{(r.Complete ? string.Empty : ", INCOMPLETE at the time limit")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
