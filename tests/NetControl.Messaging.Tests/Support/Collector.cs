using System.Collections.Concurrent;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.Ingest;

namespace NetControl.Messaging.Tests.Support;

/// <summary>An ingest sink that keeps everything it is handed.</summary>
internal sealed class Collector
{
    public ConcurrentQueue<ProbeSummary> Summaries { get; } = new();

    public int Count => Summaries.Count;

    public ValueTask SinkAsync(ReceivedMeasurements measurements, CancellationToken cancellationToken)
    {
        foreach (var s in measurements.Summaries)
        {
            Summaries.Enqueue(s);
        }

        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<ProbeSummary> Ordered() => [.. Summaries.OrderBy(s => s.Sequence)];
}
