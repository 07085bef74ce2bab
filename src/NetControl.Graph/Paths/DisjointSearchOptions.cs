namespace NetControl.Graph.Paths;

/// <summary>Bounds on the exhaustive pair search used for SRLG-disjoint and latency-bounded pairs.</summary>
public sealed record DisjointSearchOptions
{
    public static DisjointSearchOptions Default { get; } = new();

    /// <summary>Candidate working paths (in increasing cost) examined before giving up with <see cref="PathFailureKind.SearchLimit"/>.</summary>
    public int MaxCandidates { get; init; } = 2000;
}
