using System.Buffers;
using System.Diagnostics;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;
using NetControl.Messaging.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Messaging.Tests.Ingest;

/// <summary>Prints the decode-and-track rate of the ingest path (no broker); a figure, not a timed assertion.</summary>
public sealed class IngestThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HandleAsync_BatchesOfHundred_PrintsSummariesPerSecond()
    {
        long delivered = 0;
        var subscriber = new MeasurementSubscriber(
            new MeasurementSubscriberOptions { Broker = TestBroker.ControllerIdentity(1) },
            (m, _) =>
            {
                delivered += m.Summaries.Count;
                return ValueTask.CompletedTask;
            });
        const int perBatch = 100;
        const int agents = 50;
        var payloads = Enumerable.Range(0, agents).Select(a => $"agent-{a}").Select(agent => (
            Topic: $"netcontrol/v1/agents/{agent}/measurements",
            Agent: agent)).ToArray();
        int rounds = 100;
        var batches = new List<(string Topic, ReadOnlySequence<byte> Payload)>();
        for (int r = 0; r < rounds; r++)
        {
            foreach (var (topic, agent) in payloads)
            {
                var summaries = Enumerable.Range(1, perBatch).Select(i => Summaries.Make(agent, i) with { Sequence = (r * perBatch) + i }).ToList();
                batches.Add((topic, new ReadOnlySequence<byte>(MessageCodec.EncodeBatch(new ProbeSummaryBatch { AgentId = agent, Summaries = summaries }))));
            }
        }

        var watch = Stopwatch.StartNew();
        foreach (var (topic, payload) in batches)
        {
            await subscriber.HandleAsync(topic, payload, CancellationToken.None);
        }

        watch.Stop();
        long total = (long)batches.Count * perBatch;
        Assert.Equal(total, delivered);
        Assert.Equal(0, subscriber.Counters.DecodeErrors);
        output.WriteLine($"decode+sequence tracking: {total} summaries in {watch.Elapsed.TotalMilliseconds:0} ms = {total / watch.Elapsed.TotalSeconds:0} summaries/s on one thread ({perBatch} per message, {agents} agents, {batches[0].Payload.Length} bytes per message)");
        await subscriber.DisposeAsync();
    }
}
