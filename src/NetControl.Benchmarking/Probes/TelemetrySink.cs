using System.Buffers;
using System.Diagnostics;
using NetControl.Core.Telemetry;
using NetControl.Messaging.Ingest;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// The ingest sink of the benchmark: converts each delivered summary to a <see cref="LinkSample"/> as the controller does
/// and records the message's samples into <see cref="LinkTelemetry"/> in one call, then counts. Completes
/// <see cref="AllRecorded"/> when the expected number of summaries has been handed over, remembering when.
/// </summary>
public sealed class TelemetrySink(LinkTelemetry telemetry, long expected)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _delivered;
    private long _accepted;
    private long _lastTimestamp;

    public Task AllRecorded => _done.Task;

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Samples <see cref="LinkTelemetry.RecordRange"/> accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Stopwatch timestamp of the last recording.</summary>
    public long LastTimestamp => Interlocked.Read(ref _lastTimestamp);

    public ValueTask SinkAsync(ReceivedMeasurements measurements, CancellationToken cancellationToken)
    {
        var summaries = measurements.Summaries;
        var buffer = ArrayPool<LinkSample>.Shared.Rent(summaries.Count);
        try
        {
            for (int i = 0; i < summaries.Count; i++)
            {
                buffer[i] = LinkSamples.From(summaries[i]);
            }

            int accepted = telemetry.RecordRange(buffer.AsSpan(0, summaries.Count));
            Interlocked.Add(ref _accepted, accepted);
        }
        finally
        {
            ArrayPool<LinkSample>.Shared.Return(buffer, clearArray: true);
        }

        Interlocked.Exchange(ref _lastTimestamp, Stopwatch.GetTimestamp());
        if (Interlocked.Add(ref _delivered, summaries.Count) >= expected)
        {
            _done.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}
