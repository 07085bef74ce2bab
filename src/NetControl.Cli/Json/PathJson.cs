namespace NetControl.Cli.Json;

/// <summary>A path in JSON output.</summary>
public sealed record PathJson(int Rank, double Cost, double? LengthKm, double? LatencyMs, int Hops, IReadOnlyList<string> Nodes, IReadOnlyList<HopJson> Links);

/// <summary>One hop of a path: the link, and the node and port it leaves and enters by.</summary>
public sealed record HopJson(string Link, string From, string? FromPort, string To, string? ToPort);

/// <summary>Output of <c>netctl paths</c> without <c>--disjoint</c>.</summary>
public sealed record PathsJson(string Topology, string From, string To, string Metric, IReadOnlyList<PathJson> Paths);

/// <summary>Output of <c>netctl paths --disjoint</c>.</summary>
public sealed record DisjointPairJson(
    string Topology,
    string From,
    string To,
    string Metric,
    string Disjoint,
    PathJson Working,
    PathJson Backup,
    double TotalCost,
    bool ProvenOptimal,
    int CandidatesExamined);

/// <summary>A failed query: what kind of failure, the one-line message, and the constraints that blocked it.</summary>
public sealed record FailureJson(string Kind, string Message, IReadOnlyList<string> Blocking);

/// <summary>Wrapper printed on standard output when a query has no answer.</summary>
public sealed record ErrorJson(FailureJson Error);
