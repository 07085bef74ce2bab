using System.Globalization;

namespace NetControl.Graph.Trees;

/// <summary>
/// Limits on a spanning tree; any combination, null meaning "no limit". Degree counts every tree edge at a node
/// (a reflector's fan-out plus its uplink); the hop diameter is the number of edges on the longest tree path;
/// the latency diameter is the weight of the heaviest tree path (the worst end-to-end delay through the overlay).
/// </summary>
public sealed record TreeConstraints
{
    /// <summary>No limits: the minimum spanning tree is the answer.</summary>
    public static TreeConstraints None { get; } = new();

    /// <summary>Largest number of tree edges at any node, at least 1.</summary>
    public int? MaxDegree
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDegree), value, "a degree limit must be at least 1");
    }

    /// <summary>Largest number of edges on any tree path, at least 0.</summary>
    public int? MaxHopDiameter
    {
        get;
        init => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxHopDiameter), value, "a hop-diameter limit must be at least 0");
    }

    /// <summary>Largest weight of any tree path (ms for latency weights), finite and non-negative.</summary>
    public double? MaxLatencyDiameterMs
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value.Value >= 0)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxLatencyDiameterMs), value, "a latency-diameter limit must be finite and non-negative");
    }

    /// <summary>True when no limit is set.</summary>
    public bool IsUnconstrained => MaxDegree is null && MaxHopDiameter is null && MaxLatencyDiameterMs is null;

    internal int DegreeLimit => MaxDegree ?? int.MaxValue;

    internal int HopLimit => MaxHopDiameter ?? int.MaxValue;

    internal double LatencyLimit => MaxLatencyDiameterMs ?? double.PositiveInfinity;

    /// <summary>"max degree 8, hop diameter 10 and latency diameter 300 ms", for messages.</summary>
    public string Describe()
    {
        var parts = new List<string>(3);
        if (MaxDegree is int d)
        {
            parts.Add($"max degree {d}");
        }

        if (MaxHopDiameter is int h)
        {
            parts.Add($"{(parts.Count == 0 ? "max " : string.Empty)}hop diameter {h}");
        }

        if (MaxLatencyDiameterMs is double l)
        {
            parts.Add($"{(parts.Count == 0 ? "max " : string.Empty)}latency diameter {l.ToString("0.###", CultureInfo.InvariantCulture)} ms");
        }

        return parts.Count switch
        {
            0 => "no constraints",
            1 => parts[0],
            _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
        };
    }

    /// <summary>True when a path weight fits the latency limit, with a relative tolerance of 1e-9 for rounding.</summary>
    internal bool LatencyFits(double latency) => latency <= LatencyLimit + LatencyTolerance;

    /// <summary>Absolute slack used when comparing sums of weights against the latency limit.</summary>
    internal double LatencyTolerance => MaxLatencyDiameterMs is double l ? 1e-9 * Math.Max(1, l) : 0;
}
