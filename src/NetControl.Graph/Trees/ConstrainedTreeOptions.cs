namespace NetControl.Graph.Trees;

/// <summary>
/// Search effort of the constrained-tree heuristic (<see cref="ConstrainedSpanningTree"/>). The defaults recompute a
/// 490-node full mesh within the overlay's 20 ms budget on two cores; more effort finds cheaper trees more slowly.
/// </summary>
public sealed record ConstrainedTreeOptions
{
    public static ConstrainedTreeOptions Default { get; } = new();

    /// <summary>
    /// Graphs with at most this many nodes try every node as a centre (and every edge up to 12 nodes), with every
    /// growth strategy, and improve more grown trees; the search stays within milliseconds.
    /// </summary>
    public int ExhaustiveUpTo
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ExhaustiveUpTo), value, "must be at least 1");
    } = 32;

    /// <summary>
    /// Graphs above <see cref="ExhaustiveUpTo"/> try at least this many centre nodes, half the best by sum of weights
    /// and half by eccentricity (mid-size graphs try more while growth stays within about a million steps). More
    /// centres, with as many <see cref="ImprovedCandidates"/>, find cheaper trees at about 3.5 ms of CPU each on
    /// the 490-node mesh.
    /// </summary>
    public int CentreNodes
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(CentreNodes), value, "must be at least 1");
    } = 4;

    /// <summary>Edge centres (for odd hop limits and latency limits) pair each centre node with this many nearest neighbours.</summary>
    public int EdgeCentresPerNode
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(EdgeCentresPerNode), value, "must not be negative");
    } = 2;

    /// <summary>How many grown trees (the cheapest of each growth strategy in turn) go through local improvement.</summary>
    public int ImprovedCandidates
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ImprovedCandidates), value, "must be at least 1");
    } = 4;

    /// <summary>
    /// Graphs up to this size also get exact edge-exchange improvement (O(n) per tree edge plus the crossing scan, so
    /// O(n^2) or more per pass); larger ones rely on the centre-bounded subtree moves alone.
    /// </summary>
    public int EdgeExchangeUpTo
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(EdgeExchangeUpTo), value, "must not be negative");
    } = 128;

    /// <summary>Upper bound on improvement passes of each kind.</summary>
    public int MaxImprovementPasses
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxImprovementPasses), value, "must not be negative");
    } = 16;

    /// <summary>Threads used for independent centres; 1 runs everything on the caller's thread.</summary>
    public int MaxParallelism
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParallelism), value, "must be at least 1");
    } = Environment.ProcessorCount;
}
