using NetControl.Benchmarking.Measurement;

namespace NetControl.Benchmarking.Reporting;

/// <summary>
/// One benchmark case: our implementation beside a baseline doing the same work, measured in the same run.
/// <see cref="Speedup"/> is baseline median / our median (above 1: ours is faster).
/// </summary>
public sealed record BenchCase
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required Sample Ours { get; init; }

    public Sample? Baseline { get; init; }

    /// <summary>What the baseline does, when it is not exactly the same work (e.g. an unconstrained tree).</summary>
    public string? BaselineNote { get; init; }

    public double? Speedup => Baseline is null ? null : Math.Round(Baseline.MedianMs / Ours.MedianMs, 3);

    /// <summary>The DESIGN.md target for our median, if there is one.</summary>
    public double? TargetMs { get; init; }

    public bool? TargetMet => TargetMs is { } t ? Ours.MedianMs < t : null;

    /// <summary>Whether our result and the baseline's agree where they solve the same problem (costs equal).</summary>
    public bool? Agree { get; init; }

    /// <summary>Figures describing the result (cost, degree, diameters, path costs).</summary>
    public IReadOnlyDictionary<string, double> Result { get; init; } = new Dictionary<string, double>();
}
