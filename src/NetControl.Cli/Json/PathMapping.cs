using NetControl.Graph.Paths;
using static NetControl.Cli.Json.JsonRound;

namespace NetControl.Cli.Json;

/// <summary>Maps path results to their JSON shapes.</summary>
internal static class PathMapping
{
    public static PathJson ToJson(this NetworkPath path, int rank) => new(
        rank,
        R(path.Cost),
        R(path.LengthKm),
        R(path.LatencyMs),
        path.HopCount,
        path.Nodes,
        [.. path.Hops.Select(h => new HopJson(h.Link.Id, h.From.Node, h.From.Port, h.To.Node, h.To.Port))]);

    public static ErrorJson ToJson(this PathFailure failure) =>
        new(new FailureJson(KindName(failure.Kind), failure.Message, failure.BlockingConstraints));

    private static string KindName(PathFailureKind kind) => kind switch
    {
        PathFailureKind.InvalidRequest => "invalid-request",
        PathFailureKind.NoRoute => "no-route",
        PathFailureKind.Blocked => "blocked",
        PathFailureKind.NoDisjointPair => "no-disjoint-pair",
        _ => "search-limit",
    };
}
