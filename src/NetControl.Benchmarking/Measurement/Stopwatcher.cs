using System.Diagnostics;

namespace NetControl.Benchmarking.Measurement;

/// <summary>
/// A small in-process timer for <c>netctl bench</c>: warm up, then time single runs until both a minimum
/// count and a minimum duration are reached; report median, p95, min and mean. Operations that must not
/// be optimised away return a value, which is kept.
/// </summary>
public sealed class Stopwatcher(MeasureOptions options)
{
    private static object? _sink;

    public Sample Measure<T>(string implementation, Func<T> operation) =>
        MeasureAsync(implementation, () => new ValueTask<T>(operation())).AsTask().GetAwaiter().GetResult();

    /// <summary>The same for asynchronous operations (network round trips); synchronous ones complete inline.</summary>
    public async ValueTask<Sample> MeasureAsync<T>(string implementation, Func<ValueTask<T>> operation)
    {
        var warm = Stopwatch.StartNew();
        do
        {
            _sink = await operation().ConfigureAwait(false);
        }
        while (warm.Elapsed < options.WarmupTime);

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while ((times.Count < options.MinIterations || total.Elapsed < options.MeasureTime) && times.Count < options.MaxIterations)
        {
            long start = Stopwatch.GetTimestamp();
            _sink = await operation().ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        GC.KeepAlive(_sink);
        return Sample.Of(implementation, times);
    }
}
