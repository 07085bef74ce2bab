using NetControl.Core.Topology;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;
using static NetControl.Graph.Tests.Paths.Support.BruteForcePaths;

namespace NetControl.Graph.Tests.Paths;

/// <summary>Every path algorithm against brute-force enumeration of all simple paths on small random multigraphs.</summary>
public sealed class PathFinderPropertyTests
{
    private const int Cases = 300;
    private const double Tolerance = 1e-9;

    public static TheoryData<PathMetric> Metrics => [PathMetric.Km, PathMetric.Latency, PathMetric.Hops, PathMetric.Custom];

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Shortest_RandomGraphsWithConstraints_MatchesBruteForce(PathMetric metric)
    {
        var random = new Random(1000 + (int)metric);
        var outcomes = new Outcomes();
        for (int i = 0; i < Cases; i++)
        {
            var c = RandomPathCase.Create(random, metric);
            var oracle = c.FeasiblePaths();

            var result = new PathFinder(c.Graph()).Shortest(c.Request);

            Assert.True(oracle.Count > 0 == result.Found, $"case {i}: oracle has {oracle.Count} paths, engine found {result.Found}");
            outcomes.Count(result.Found);
            if (result.Found)
            {
                Assert.Equal(oracle.Min(c.Cost), result.Path.Cost, Tolerance);
                AssertValid(c, result.Path);
            }
            else
            {
                AssertExplained(c, result.Failure);
            }
        }

        outcomes.AssertBoth();
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void KShortest_RandomGraphsWithConstraints_MatchesBruteForceCostSequence(PathMetric metric)
    {
        var random = new Random(2000 + (int)metric);
        var outcomes = new Outcomes();
        for (int i = 0; i < Cases; i++)
        {
            var c = RandomPathCase.Create(random, metric);
            int k = random.Next(1, 9);
            var expected = c.FeasiblePaths().Select(c.Cost).Order().Take(k).ToList();

            var result = new PathFinder(c.Graph()).KShortest(c.Request, k);

            Assert.Equal(expected.Count, result.Paths.Length);
            outcomes.Count(expected.Count > 0);
            for (int j = 0; j < expected.Count; j++)
            {
                Assert.Equal(expected[j], result.Paths[j].Cost, Tolerance);
                AssertValid(c, result.Paths[j]);
            }

            Assert.Equal(result.Paths.Length, result.Paths.Select(p => string.Join(",", p.LinkIds)).Distinct().Count());
            if (expected.Count == 0)
            {
                AssertExplained(c, result.Failure!);
            }
        }

        outcomes.AssertBoth();
    }

    public static TheoryData<Disjointness, PathMetric> ConstrainedPairCases => new()
    {
        { Disjointness.Link, PathMetric.Km },
        { Disjointness.Node, PathMetric.Km },
        { Disjointness.Srlg, PathMetric.Km },
        { Disjointness.Link, PathMetric.Latency },
        { Disjointness.Node, PathMetric.Hops },
        { Disjointness.Link, PathMetric.Custom },
        { Disjointness.Node, PathMetric.Custom },
        { Disjointness.Srlg, PathMetric.Custom },
    };

    [Theory]
    [MemberData(nameof(ConstrainedPairCases))]
    public void DisjointPair_RandomGraphsWithConstraints_MatchesBruteForceMinimumTotal(Disjointness kind, PathMetric metric)
    {
        var random = new Random(4000 + (10 * (int)kind) + (int)metric);
        var outcomes = new Outcomes();
        for (int i = 0; i < Cases; i++)
        {
            var c = RandomPathCase.Create(random, metric, sparse: true);
            double best = BestPair(c.FeasiblePaths(), Disjoint(kind), c.Cost);

            var result = new PathFinder(c.Graph()).DisjointPair(c.Request, kind);

            Assert.True(double.IsFinite(best) == result.Found, $"case {i}: oracle best {best}, engine found {result.Found}");
            outcomes.Count(result.Found);
            if (result.Found)
            {
                Assert.True(result.ProvenOptimal);
                Assert.Equal(best, result.TotalCost, Tolerance);
                Assert.True(result.Working.Cost <= result.Backup.Cost);
                AssertValid(c, result.Working);
                AssertValid(c, result.Backup);
                Assert.True(Disjoint(kind)(ToSimple(c.Topology, result.Working), ToSimple(c.Topology, result.Backup)), $"case {i}: pair is not {kind}-disjoint");
            }
            else
            {
                Assert.Contains(result.Failure.Kind, new[] { PathFailureKind.NoDisjointPair, PathFailureKind.Blocked, PathFailureKind.NoRoute });
            }
        }

        outcomes.AssertBoth();
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
            var disjoint = Disjoint(kind);
            double best = BestPair(paths, disjoint, p => p.Km);

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

    private static Func<SimplePath, SimplePath, bool> Disjoint(Disjointness kind) => kind switch
    {
        Disjointness.Link => LinkDisjoint,
        Disjointness.Node => NodeDisjoint,
        _ => SrlgDisjoint,
    };

    /// <summary>The minimum total cost of two disjoint paths, or +infinity when no pair is disjoint.</summary>
    private static double BestPair(List<SimplePath> paths, Func<SimplePath, SimplePath, bool> disjoint, Func<SimplePath, double> cost)
    {
        double best = double.PositiveInfinity;
        for (int a = 0; a < paths.Count; a++)
        {
            for (int b = a + 1; b < paths.Count; b++)
            {
                if (disjoint(paths[a], paths[b]))
                {
                    best = Math.Min(best, cost(paths[a]) + cost(paths[b]));
                }
            }
        }

        return best;
    }

    private static SimplePath ToSimple(NetworkTopology t, NetworkPath path) =>
        new([.. path.Nodes], [.. path.Hops.Select(h => t.GetLink(h.Link.Id))]);

    /// <summary>The path joins the endpoints without repeating a node, uses only allowed links, nodes and ports, and reports true totals.</summary>
    private static void AssertValid(RandomPathCase c, NetworkPath path)
    {
        Assert.Equal(c.From, path.Nodes[0]);
        Assert.Equal(c.To, path.Nodes[^1]);
        Assert.Equal(path.Nodes.Length, path.Nodes.Distinct().Count());
        Assert.DoesNotContain(path.Nodes, v => c.Request.Constraints.ExcludeNodes.Contains(v));
        for (int i = 0; i < path.Hops.Length; i++)
        {
            Assert.Equal(path.Nodes[i], path.Hops[i].From.Node);
            Assert.Equal(path.Nodes[i + 1], path.Hops[i].To.Node);
            Assert.True(c.LinkOk(path.Hops[i].Link), $"link {path.Hops[i].Link.Id} is not allowed");
            Assert.True(c.HopOk(path.Hops[i].Link, path.Nodes[i]), $"ports of {path.Hops[i].Link.Id} from {path.Nodes[i]} are not free");
        }

        if (c.Request.Constraints.MaxLatencyMs is { } max)
        {
            Assert.True(path.LatencyMs <= max + Tolerance);
        }

        var simple = ToSimple(c.Topology, path);
        Assert.Equal(simple.Km, path.LengthKm!.Value, Tolerance);
        Assert.Equal(c.Cost(simple), path.Cost, Tolerance);
    }

    /// <summary>A failure is a value that names the cause; links it blames for a missing weight do lack one.</summary>
    private static void AssertExplained(RandomPathCase c, PathFailure failure)
    {
        Assert.Contains(failure.Kind, new[] { PathFailureKind.Blocked, PathFailureKind.NoRoute });
        const string Missing = "links without a custom value: ";
        foreach (string named in failure.BlockingConstraints.Where(b => b.StartsWith(Missing, StringComparison.Ordinal)))
        {
            var listed = named[Missing.Length..].Split(" and ")[0].Split(", ");
            Assert.All(listed, id => Assert.Contains(id, c.LinksWithoutCustomWeight));
        }
    }

    /// <summary>Counts feasible and infeasible cases: a generator that produces only one kind proves little.</summary>
    private sealed class Outcomes
    {
        private int _found;
        private int _none;

        public void Count(bool found) => _ = found ? _found++ : _none++;

        public void AssertBoth()
        {
            Assert.True(_found > Cases / 10, $"only {_found} of {Cases} cases were feasible");
            Assert.True(_none > Cases / 10, $"only {_none} of {Cases} cases were infeasible");
        }
    }
}
