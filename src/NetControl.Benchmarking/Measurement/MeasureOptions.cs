namespace NetControl.Benchmarking.Measurement;

/// <summary>How long to warm up and to measure each operation.</summary>
public sealed record MeasureOptions
{
    public static MeasureOptions Standard { get; } = new();

    /// <summary>A short run for smoke tests: same code paths, fewer iterations, noisier figures.</summary>
    public static MeasureOptions Quick { get; } = new() { WarmupTime = TimeSpan.FromMilliseconds(20), MeasureTime = TimeSpan.FromMilliseconds(100), MinIterations = 3, MaxIterations = 50 };

    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MeasureTime { get; init; } = TimeSpan.FromSeconds(1.5);

    public int MinIterations { get; init; } = 7;

    public int MaxIterations { get; init; } = 10_000;
}
