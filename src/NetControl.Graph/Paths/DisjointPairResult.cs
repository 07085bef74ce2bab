using System.Diagnostics.CodeAnalysis;

namespace NetControl.Graph.Paths;

/// <summary>A working path and a disjoint backup of minimum total cost, or why there is none.</summary>
public sealed record DisjointPairResult
{
    private DisjointPairResult(NetworkPath? working, NetworkPath? backup, PathFailure? failure)
    {
        Working = working;
        Backup = backup;
        Failure = failure;
    }

    /// <summary>The cheaper path of the pair.</summary>
    public NetworkPath? Working { get; }

    public NetworkPath? Backup { get; }

    public PathFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Working), nameof(Backup))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Found => Working is not null;

    public double TotalCost => Found ? Working.Cost + Backup.Cost : double.NaN;

    /// <summary>Candidate working paths examined (SRLG and latency-bounded searches); 0 for the flow method.</summary>
    public int CandidatesExamined { get; init; }

    /// <summary>False when the search limit stopped the search after finding this pair: it is valid but may not be minimal.</summary>
    public bool ProvenOptimal { get; init; } = true;

    public static DisjointPairResult Of(NetworkPath working, NetworkPath backup) =>
        working.Cost <= backup.Cost ? new(working, backup, null) : new(backup, working, null);

    public static DisjointPairResult Fail(PathFailure failure) => new(null, null, failure);
}
