using System.Diagnostics;
using NetControl.Core.Telemetry;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.StoreAndForward;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// One ingest run against a broker on loopback: a <see cref="MeasurementSubscriber"/> (fresh persistent session)
/// feeding a <see cref="TelemetrySink"/>, then one <see cref="AgentPublisher"/> per agent, each journaling in its own
/// directory under a temporary root, all connected before the clock starts. The clock runs from the first enqueue to
/// the last summary recorded into link state. Afterwards the subscriber's sequence tracker and the telemetry's
/// accepted count say whether anything was lost or duplicated. Publishers, subscriber and directories go in any case.
/// In drain mode the subscriber leaves once its persistent session exists, the agents publish everything and the
/// broker acknowledges it (queued for the absent session), and the clock runs from the subscriber's return to the
/// last summary recorded: MQTT to link state alone, without the agents' encoding and journaling on the same cores.
/// </summary>
public static class IngestRunner
{
    public const string ControllerUser = "netcontrol-controller";
    public const string ControllerSecret = "bench-controller-secret";

    /// <summary>Summaries per <see cref="AgentPublisher.EnqueueRange"/> call (one journal flush each).</summary>
    public const int EnqueueChunk = 500;

    public static string SecretOf(string agent) => $"bench-secret-{agent}";

    public static async Task<IngestRunResult> RunAsync(int port, IngestWorkload workload, TimeSpan limit, CancellationToken cancellationToken, bool drain = false)
    {
        string clientId = $"bench-ingest-{Guid.NewGuid():N}";
        string root = Directory.CreateTempSubdirectory("netctl-bench-ingest-").FullName;
        var telemetry = new LinkTelemetry();
        var sink = new TelemetrySink(telemetry, workload.Total);
        var publishers = new List<AgentPublisher>();
        MeasurementSubscriber? subscriber = null;
        try
        {
            subscriber = new MeasurementSubscriber(
                new MeasurementSubscriberOptions { Broker = Connection(port, ControllerUser, ControllerSecret), ClientId = clientId },
                sink.SinkAsync);
            await StartAsync(subscriber, cancellationToken).ConfigureAwait(false);
            if (drain)
            {
                // The session (and its subscription) stays on the broker, which queues for it from now on.
                await subscriber.DisposeAsync().ConfigureAwait(false);
                subscriber = null;
            }

            foreach (string agent in workload.Agents)
            {
                var publisher = new AgentPublisher(new AgentPublisherOptions
                {
                    Broker = Connection(port, agent, SecretOf(agent)),
                    StoreAndForward = new StoreAndForwardOptions
                    {
                        Directory = Path.Combine(root, agent),
                        FsyncEachAppend = false,
                        MaxPendingSummaries = Math.Max(100_000, workload.Summaries.Max(s => s.Count) + 1),
                    },
                });
                publishers.Add(publisher);
                publisher.Start();
            }

            var connectStart = Stopwatch.GetTimestamp();
            while (!publishers.All(p => p.IsConnected))
            {
                if (Stopwatch.GetElapsedTime(connectStart) > TimeSpan.FromSeconds(30))
                {
                    throw new BenchmarkSetupException($"only {publishers.Count(p => p.IsConnected)} of {publishers.Count} agents connected to the broker on port {port} within 30 s");
                }

                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            long start = Stopwatch.GetTimestamp();
            var producers = publishers.Select((p, a) => Task.Run(
                () =>
                {
                    var mine = workload.Summaries[a];
                    for (int i = 0; i < mine.Count; i += EnqueueChunk)
                    {
                        p.EnqueueRange(mine.Skip(i).Take(EnqueueChunk).ToList());
                    }
                },
                cancellationToken)).ToArray();
            await Task.WhenAll(producers).ConfigureAwait(false);
            double enqueueSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (drain)
            {
                using (var acked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    acked.CancelAfter(limit);
                    await Task.WhenAll(publishers.Select(p => p.FlushAsync(acked.Token))).ConfigureAwait(false);
                }

                subscriber = new MeasurementSubscriber(
                    new MeasurementSubscriberOptions { Broker = Connection(port, ControllerUser, ControllerSecret), ClientId = clientId },
                    sink.SinkAsync);
                start = Stopwatch.GetTimestamp();
                await StartAsync(subscriber, cancellationToken).ConfigureAwait(false);
            }

            bool complete = await Task.WhenAny(sink.AllRecorded, Task.Delay(limit, cancellationToken)).ConfigureAwait(false) == sink.AllRecorded;
            double seconds = complete ? Stopwatch.GetElapsedTime(start, sink.LastTimestamp).TotalSeconds : Stopwatch.GetElapsedTime(start).TotalSeconds;

            // Let late redeliveries (duplicates) show before counting.
            using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                flush.CancelAfter(TimeSpan.FromSeconds(10));
                await Task.WhenAll(publishers.Select(p => p.FlushAsync(flush.Token))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            var stats = workload.Agents.Select(a => subscriber!.Sequences.Get(a)).ToList();
            return new IngestRunResult(
                workload.Total,
                sink.Delivered,
                sink.Accepted,
                telemetry.Counters.Rejected,
                stats.Sum(s => s?.Received ?? 0),
                stats.Select((s, a) => s is null ? workload.Summaries[a].Count : s.Missing + s.Untracked + Math.Max(0, workload.Summaries[a].Count - s.HighestSequence)).Sum(),
                subscriber!.Counters.Duplicates,
                publishers.Sum(p => p.Queue.Counters.Dropped),
                complete,
                seconds,
                enqueueSeconds);
        }
        finally
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync().ConfigureAwait(false);
            }

            if (subscriber is not null)
            {
                await subscriber.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory.
            }
        }
    }

    private static async Task StartAsync(MeasurementSubscriber subscriber, CancellationToken cancellationToken)
    {
        using var startLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startLimit.CancelAfter(TimeSpan.FromSeconds(30));
        await subscriber.StartAsync(startLimit.Token).ConfigureAwait(false);
    }

    private static BrokerConnectionOptions Connection(int port, string user, string secret) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UserName = user,
        Secret = secret,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };
}
