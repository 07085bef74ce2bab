namespace NetControl.Benchmarking.Measurement;

/// <summary>Timing of one operation over many runs, in milliseconds.</summary>
public sealed record Sample(string Implementation, double MedianMs, double P95Ms, double MinMs, double MeanMs, int Iterations);
