using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Graph.Paths.Search;

namespace NetControl.Graph.Paths;

/// <summary>
/// Path computation over one <see cref="NetworkGraph"/>: constrained shortest path, k shortest loopless paths
/// (Yen) and minimum-cost disjoint pairs (link, node, SRLG). Every answer is a value: a result, or a failure
/// that says what blocked it. Thread-safe: each call uses its own buffers.
/// </summary>
public sealed class PathFinder
{
    private readonly NetworkGraph _graph;

    public PathFinder(NetworkGraph graph)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
    }

    public NetworkGraph Graph => _graph;

    public PathResult Shortest(PathRequest request)
    {
        if (!TryCompile(request, out var c, out var invalid))
        {
            return PathResult.Fail(invalid);
        }

        var outcome = new ShortestPathSearch(c).Find(c.Source, c.Target, c.MaxLatencyMs);
        if (outcome.Path is { } path)
        {
            return PathResult.Of(PathAssembler.ToPath(c, path));
        }

        return PathResult.Fail(outcome.LimitReached ? LimitFailure(c, "path") : ExplainNoPath(c, request));
    }

    /// <summary>Up to <paramref name="k"/> loopless paths in non-decreasing cost.</summary>
    public PathSetResult KShortest(PathRequest request, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!TryCompile(request, out var c, out var invalid))
        {
            return new PathSetResult([], invalid);
        }

        var yen = new YenEnumerator(new ShortestPathSearch(c), c.Source, c.Target, c.MaxLatencyMs);
        var paths = yen.Enumerate().Take(k).Select(p => PathAssembler.ToPath(c, p)).ToImmutableArray();
        if (paths.Length > 0)
        {
            return new PathSetResult(paths, null);
        }

        return new PathSetResult([], yen.LimitReached ? LimitFailure(c, "path") : ExplainNoPath(c, request));
    }

    /// <summary>
    /// A working path and a backup, disjoint as asked, of minimum total cost. Link- and node-disjoint pairs
    /// without a latency bound come from a min-cost flow (exact, polynomial). SRLG-disjoint pairs and
    /// latency-bounded pairs come from an exact enumeration bounded by <see cref="DisjointSearchOptions.MaxCandidates"/>.
    /// </summary>
    public DisjointPairResult DisjointPair(PathRequest request, Disjointness kind, DisjointSearchOptions? options = null)
    {
        options ??= DisjointSearchOptions.Default;
        if (!TryCompile(request, out var c, out var invalid))
        {
            return DisjointPairResult.Fail(invalid);
        }

        var outcome = FindPair(c, kind, options.MaxCandidates, out int examined);
        if (outcome.Pair is { } pair)
        {
            var result = DisjointPairResult.Of(PathAssembler.ToPath(c, pair.A), PathAssembler.ToPath(c, pair.B));
            return outcome.Status == PairStatus.Optimal
                ? result with { CandidatesExamined = examined }
                : result with { CandidatesExamined = examined, ProvenOptimal = false };
        }

        if (outcome.Status == PairStatus.LimitReached)
        {
            return DisjointPairResult.Fail(LimitFailure(c, $"{Name(kind)} pair", examined)) with { CandidatesExamined = examined };
        }

        return DisjointPairResult.Fail(ExplainNoPair(c, request, kind, options)) with { CandidatesExamined = examined };
    }

    private static PairOutcome FindPair(CompiledRequest c, Disjointness kind, int maxCandidates, out int examined)
    {
        examined = 0;
        var flow = new DisjointPairFlow(new ShortestPathSearch(c), kind == Disjointness.Node).Find(c.Source, c.Target);
        bool flowIsExact = kind != Disjointness.Srlg && !double.IsFinite(c.MaxLatencyMs);
        if (flow is null || flowIsExact)
        {
            // No link/node-disjoint pair at all means no stricter pair either.
            return new PairOutcome(flow, flow is null ? PairStatus.NoneExists : PairStatus.Optimal);
        }

        double lowerBound = flow.Value.First.Cost + flow.Value.Second.Cost;
        var search = new EnumeratedPairSearch(c, kind, maxCandidates);
        var outcome = search.Find(lowerBound);
        examined = search.CandidatesExamined;
        return outcome;
    }

    private bool TryCompile(PathRequest request, out CompiledRequest compiled, out PathFailure failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        compiled = null!;
        failure = null!;
        var topology = _graph.Topology;
        Node from;
        Node to;
        try
        {
            from = topology.ResolveNode(request.From);
            to = topology.ResolveNode(request.To);
        }
        catch (TopologyException e)
        {
            failure = new PathFailure(PathFailureKind.InvalidRequest, e.Message);
            return false;
        }

        var c = request.Constraints;
        string? problem =
            from.Id == to.Id ? $"from and to are the same node '{from.Id}'" :
            c.ExcludeNodes.FirstOrDefault(n => !topology.ContainsNode(n)) is { } node ? $"excluded node '{node}' is not in topology '{topology.Name}'" :
            c.ExcludeLinks.FirstOrDefault(l => !topology.ContainsLink(l)) is { } link ? $"excluded link '{link}' is not in topology '{topology.Name}'" :
            c.ExcludeSrlgs.FirstOrDefault(s => !topology.ContainsSrlg(s)) is { } srlg ? $"excluded SRLG '{srlg}' is not in topology '{topology.Name}'" :
            c.ExcludeNodes.Contains(from.Id) || c.ExcludeNodes.Contains(to.Id) ? $"an endpoint ({(c.ExcludeNodes.Contains(from.Id) ? from.Id : to.Id)}) is excluded" :
            c.MaxLatencyMs is { } max && (!double.IsFinite(max) || max < 0) ? $"maximum latency {max} ms is not a finite, non-negative number" :
            request.Metric == PathMetric.Custom && request.CustomWeight is null ? "a custom metric needs a weight function" :
            null;
        if (problem is not null)
        {
            failure = new PathFailure(PathFailureKind.InvalidRequest, problem);
            return false;
        }

        if (!CompiledRequest.TryCompile(_graph, topology.IndexOfNode(from.Id), topology.IndexOfNode(to.Id), request, ConstraintKinds.All, out compiled, out string? invalid))
        {
            failure = new PathFailure(PathFailureKind.InvalidRequest, invalid);
            return false;
        }

        return true;
    }

    private PathFailure ExplainNoPath(CompiledRequest c, PathRequest request) =>
        FailureDiagnosis.Explain(c, request, "path", applied =>
        {
            var relaxed = CompiledRequest.Compile(_graph, c.Source, c.Target, request, applied);
            return new ShortestPathSearch(relaxed).Find(relaxed.Source, relaxed.Target, relaxed.MaxLatencyMs).Path is not null;
        });

    private PathFailure ExplainNoPair(CompiledRequest c, PathRequest request, Disjointness kind, DisjointSearchOptions options)
    {
        if (new ShortestPathSearch(c).Find(c.Source, c.Target, c.MaxLatencyMs).Path is null)
        {
            return ExplainNoPath(c, request);
        }

        string from = _graph.Topology.Nodes[c.Source].Id;
        string to = _graph.Topology.Nodes[c.Target].Id;
        var relaxable = FailureDiagnosis.Explain(c, request, $"{Name(kind)} pair", applied =>
        {
            var relaxed = CompiledRequest.Compile(_graph, c.Source, c.Target, request, applied);
            return FindPair(relaxed, kind, options.MaxCandidates, out _).Pair is not null;
        });
        string why = PairObstacle.Describe(c, kind);
        string message = $"no {Name(kind)} pair from {from} to {to} exists: {why}";
        if (relaxable.Kind == PathFailureKind.Blocked && relaxable.BlockingConstraints.Length > 0 && !relaxable.Message.Contains("combination", StringComparison.Ordinal))
        {
            message += $"; relaxing {string.Join(" or ", relaxable.BlockingConstraints)} would allow one";
        }

        return new PathFailure(PathFailureKind.NoDisjointPair, message);
    }

    private PathFailure LimitFailure(CompiledRequest c, string what, int examined = 0)
    {
        string from = _graph.Topology.Nodes[c.Source].Id;
        string to = _graph.Topology.Nodes[c.Target].Id;
        string detail = examined > 0 ? $" after {examined} candidate working paths" : string.Empty;
        return new PathFailure(PathFailureKind.SearchLimit, $"no {what} from {from} to {to} found before the search limit{detail}; one may still exist (raise the limit)");
    }

    internal static string Name(Disjointness kind) => kind switch
    {
        Disjointness.Link => "link-disjoint",
        Disjointness.Node => "node-disjoint",
        _ => "SRLG-disjoint",
    };
}
