namespace NetControl.Cli.Json;

/// <summary>Output of <c>netctl overlay tree --json</c>.</summary>
public sealed record OverlayTreeJson(
    int Hosts,
    TreeConstraintsJson Constraints,
    bool Optimal,
    TreeFiguresJson Tree,
    TreeFiguresJson Mst,
    IReadOnlyList<TreeEdgeJson> Edges,
    int AsymmetricPairs,
    double ElapsedMs);

public sealed record TreeConstraintsJson(int? MaxDegree, int? MaxHops, double? MaxLatencyMs);

/// <summary>Cost (sum of edge RTTs), max degree, hop diameter and latency diameter of a tree.</summary>
public sealed record TreeFiguresJson(double Cost, int MaxDegree, int HopDiameter, double LatencyDiameterMs);

public sealed record TreeEdgeJson(string A, string B, double RttMs);
