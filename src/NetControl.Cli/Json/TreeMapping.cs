using System.Globalization;
using NetControl.Graph.Trees;

namespace NetControl.Cli.Json;

/// <summary>Maps a failed overlay-tree computation to the error shape every netctl query prints.</summary>
internal static class TreeMapping
{
    public static ErrorJson ToJson(this TreeFailure failure, IReadOnlyList<string> blocking) =>
        new(new FailureJson(KindName(failure.Kind), failure.Reason, blocking));

    /// <summary>
    /// The limits that stand in the way: each one whose removal alone lets a tree be found, or all of them when no
    /// single removal does; none when the graph itself has no spanning tree.
    /// </summary>
    public static string[] Blocking(WeightMatrix weights, TreeConstraints constraints, TreeFailure failure)
    {
        if (failure.Kind == TreeFailureKind.Disconnected)
        {
            return [];
        }

        var limits = new List<(string Name, TreeConstraints Without)>(3);
        if (constraints.MaxDegree is int degree)
        {
            limits.Add(($"max degree {degree}", constraints with { MaxDegree = null }));
        }

        if (constraints.MaxHopDiameter is int hops)
        {
            limits.Add(($"max hop diameter {hops}", constraints with { MaxHopDiameter = null }));
        }

        if (constraints.MaxLatencyDiameterMs is double latency)
        {
            limits.Add(($"max latency diameter {latency.ToString("0.###", CultureInfo.InvariantCulture)} ms", constraints with { MaxLatencyDiameterMs = null }));
        }

        string[] alone = [.. limits.Where(l => ConstrainedSpanningTree.Build(weights, l.Without).Succeeded).Select(l => l.Name)];
        return alone.Length > 0 ? alone : [.. limits.Select(l => l.Name)];
    }

    private static string KindName(TreeFailureKind kind) => kind switch
    {
        TreeFailureKind.Disconnected => "disconnected",
        TreeFailureKind.Infeasible => "infeasible",
        _ => "not-found",
    };
}
