using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;
using static NetControl.Graph.Tests.Paths.Support.BruteForcePaths;

namespace NetControl.Graph.Tests.Paths;

/// <summary>Every path algorithm against brute-force enumeration of all simple paths on small random multigraphs.</summary>
public sealed class PathFinderPropertyTests
{
    private const int Cases = 300;
    private const double Tolerance = 1e-9;

    public static TheoryData<PathMetric> Metrics => [PathMetric.Km, PathMetric.Latency, PathMetric.Hops];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Shortest_RandomGraphsWithConstraints_MatchesBruteForce(PathMetric metric)
    {
        var random = new Random(1000 + (int)metric);
        for (int i = 0; i < Cases; i++)
        {
            var (t, request, linkOk, nodeOk) = RandomCase(random, metric);
            var oracle = All(t, request.From, request.To, linkOk, nodeOk)
                .Where(p => request.Constraints.MaxLatencyMs is not { } max || p.LatencyMs <= max + Tolerance)
                .ToList();

            var result = new PathFinder(NetworkGraph.Build(t)).Shortest(request);

            Assert.Equal(oracle.Count > 0, result.Found);
            if (result.Found)
            {
                Assert.Equal(oracle.Min(p => Cost(p, metric)), result.Path.Cost, Tolerance);
                AssertValid(t, result.Path, request, linkOk, nodeOk);
            }
            else
            {
                Assert.NotEqual(PathFailureKind.InvalidRequest, result.Failure.Kind);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void KShortest_RandomGraphsWithConstraints_MatchesBruteForceCostSequence(PathMetric metric)
    {
        var random = new Random(2000 + (int)metric);
        for (int i = 0; i < Cases; i++)
        {
            var (t, request, linkOk, nodeOk) = RandomCase(random, metric);
            int k = random.Next(1, 9);
            var expected = All(t, request.From, request.To, linkOk, nodeOk)
                .Where(p => request.Constraints.MaxLatencyMs is not { } max || p.LatencyMs <= max + Tolerance)
                .Select(p => Cost(p, metric))
                .Order()
                .Take(k)
                .ToList();

            var result = new PathFinder(NetworkGraph.Build(t)).KShortest(request, k);

            Assert.Equal(expected.Count, result.Paths.Length);
            for (int j = 0; j < expected.Count; j++)
            {
                Assert.Equal(expected[j], result.Paths[j].Cost, Tolerance);
                AssertValid(t, result.Paths[j], request, linkOk, nodeOk);
            }

            Assert.Equal(result.Paths.Length, result.Paths.Select(p => string.Join(",", p.LinkIds)).Distinct().Count());
        }
    }

    public static TheoryData<Disjointness, bool> PairCases => new()
    {
        { Disjointness.Link, false },
        { Disjointness.Node, false },
        { Disjointness.Srlg, false },
        { Disjointness.Link, true },
        { Disjointness.Node, true },
        { Disjointness.Srlg, true },
    };

    [Theory]
    [MemberData(nameof(PairCases))]
    public void DisjointPair_RandomGraphs_MatchesBruteForceMinimumTotal(Disjointness kind, bool latencyBound)
    {
        var random = new Random(3000 + (10 * (int)kind) + (latencyBound ? 1 : 0));
        int found = 0;
        int none = 0;
        for (int i = 0; i < Cases; i++)
        {
            var t = TestNetwork.Random(random, random.Next(4, 8), random.Next(2, 8));
            var request = new PathRequest("n0", $"n{t.Nodes.Length - 1}")
            {
                Metric = PathMetric.Km,
                Constraints = latencyBound ? new PathConstraints { MaxLatencyMs = random.Next(5, 30) } : PathConstraints.None,
            };
            var paths = All(t, request.From, request.To)
                .Where(p => request.Constraints.MaxLatencyMs is not { } max || p.LatencyMs <= max + Tolerance)
                .ToList();
            Func<SimplePath, SimplePath, bool> disjoint = kind switch
            {
                Disjointness.Link => LinkDisjoint,
                Disjointness.Node => NodeDisjoint,
                _ => SrlgDisjoint,
            };
            double best = double.PositiveInfinity;
            for (int a = 0; a < paths.Count; a++)
            {
                for (int b = a + 1; b < paths.Count; b++)
                {
                    if (disjoint(paths[a], paths[b]))
                    {
                        best = Math.Min(best, paths[a].Km + paths[b].Km);
                    }
                }
            }

            var result = new PathFinder(NetworkGraph.Build(t)).DisjointPair(request, kind);

            Assert.Equal(double.IsFinite(best), result.Found);
            if (result.Found)
            {
                found++;
                Assert.True(result.ProvenOptimal);
                Assert.Equal(best, result.TotalCost, Tolerance);
                Assert.True(result.Working.Cost <= result.Backup.Cost);
                var w = ToSimple(t, result.Working);
                var b = ToSimple(t, result.Backup);
                Assert.True(disjoint(w, b), $"case {i}: returned pair is not {kind}-disjoint");
                if (latencyBound)
                {
                    Assert.True(w.LatencyMs <= request.Constraints.MaxLatencyMs + Tolerance && b.LatencyMs <= request.Constraints.MaxLatencyMs + Tolerance);
                }
            }
            else
            {
                none++;
                Assert.Contains(result.Failure.Kind, new[] { PathFailureKind.NoDisjointPair, PathFailureKind.Blocked, PathFailureKind.NoRoute });
            }
        }

        // The generator must exercise both outcomes, or the test proves little.
        Assert.True(found > Cases / 10, $"only {found} cases had a pair");
        Assert.True(none > Cases / 20, $"only {none} cases had no pair");
    }

    private static (NetworkTopology T, PathRequest Request, Func<Link, bool> LinkOk, Func<string, bool> NodeOk) RandomCase(Random random, PathMetric metric)
    {
        int n = random.Next(3, 8);
        var t = TestNetwork.Random(random, n, random.Next(0, 8));
        string from = "n0";
        string to = $"n{n - 1}";
        var excludedNodes = t.Nodes.Select(v => v.Id).Where(id => id != from && id != to && random.NextDouble() < 0.15).ToHashSet();
        var excludedLinks = t.Links.Select(l => l.Id).Where(_ => random.NextDouble() < 0.1).ToHashSet();
        var excludedSrlgs = t.Srlgs.Select(s => s.Id).Where(_ => random.NextDouble() < 0.2).ToHashSet();
        DataRate? minCapacity = random.NextDouble() < 0.3 ? DataRate.FromGbps(random.Next(1, 5) * 10) : null;
        double? maxLatency = random.NextDouble() < 0.4 ? random.Next(3, 25) : null;
        var request = new PathRequest(from, to)
        {
            Metric = metric,
            Constraints = new PathConstraints
            {
                ExcludeNodes = [.. excludedNodes],
                ExcludeLinks = [.. excludedLinks],
                ExcludeSrlgs = [.. excludedSrlgs],
                MinFreeCapacity = minCapacity,
                MaxLatencyMs = maxLatency,
            },
        };
        bool LinkOk(Link l) =>
            !excludedLinks.Contains(l.Id) && !l.Srlgs.Any(excludedSrlgs.Contains) && (minCapacity is null || l.Capacity >= minCapacity);
        bool NodeOk(string v) => !excludedNodes.Contains(v);
        return (t, request, LinkOk, NodeOk);
    }

    private static double Cost(SimplePath p, PathMetric metric) => metric switch
    {
        PathMetric.Km => p.Km,
        PathMetric.Latency => p.LatencyMs,
        _ => p.Hops,
    };

    private static SimplePath ToSimple(NetworkTopology t, NetworkPath path) =>
        new([.. path.Nodes], [.. path.Hops.Select(h => t.GetLink(h.Link.Id))]);

    private static void AssertValid(NetworkTopology t, NetworkPath path, PathRequest request, Func<Link, bool> linkOk, Func<string, bool> nodeOk)
    {
        Assert.Equal(request.From, path.Nodes[0]);
        Assert.Equal(request.To, path.Nodes[^1]);
        Assert.Equal(path.Nodes.Length, path.Nodes.Distinct().Count());
        Assert.All(path.Hops, h => Assert.True(linkOk(h.Link)));
        Assert.All(path.Nodes, v => Assert.True(nodeOk(v)));
        for (int i = 0; i < path.Hops.Length; i++)
        {
            Assert.Equal(path.Nodes[i], path.Hops[i].From.Node);
            Assert.Equal(path.Nodes[i + 1], path.Hops[i].To.Node);
        }

        if (request.Constraints.MaxLatencyMs is { } max)
        {
            Assert.True(path.LatencyMs <= max + Tolerance);
        }

        Assert.Equal(ToSimple(t, path).Km, path.LengthKm!.Value, Tolerance);
    }
}
