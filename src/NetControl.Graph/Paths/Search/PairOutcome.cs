namespace NetControl.Graph.Paths.Search;

/// <summary>How a pair search ended.</summary>
internal enum PairStatus
{
    /// <summary>The pair is of minimum total cost.</summary>
    Optimal,

    /// <summary>Every candidate was examined and none has a disjoint partner.</summary>
    NoneExists,

    /// <summary>The candidate or label limit stopped the search; the pair, if any, may not be minimal.</summary>
    LimitReached,
}

/// <summary>A pair search's best pair (if any) and how the search ended.</summary>
internal sealed record PairOutcome((FoundPath A, FoundPath B)? Pair, PairStatus Status);
