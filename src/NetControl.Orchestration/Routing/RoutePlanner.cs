using System.Collections.Immutable;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Graph;
using NetControl.Graph.Paths;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Routing;

/// <summary>
/// Computes lightpath routes with the graph engine: the core path runs between the endpoint switches over photonic
/// switches only, under the request's constraints and the current link state; a 1+1 request gets an SRLG-disjoint pair.
/// Failures are <see cref="LightpathException"/>s that name the blocking constraint.
/// </summary>
public sealed class RoutePlanner
{
    private readonly NetworkTopology _topology;
    private readonly RouteBuilder _builder;
    private readonly ImmutableHashSet<string> _notSwitches;
    private Tuple<long, PathFinder>? _cached;

    public RoutePlanner(NetworkTopology topology)
    {
        _topology = topology;
        _builder = new RouteBuilder(topology);
        _notSwitches = [.. topology.Nodes.Where(n => n.Kind != NodeKind.OpticalSwitch).Select(n => n.Id)];

        // Latency is the natural metric; a topology with trunk fibres of unknown length (no coordinates) falls back to hops.
        _defaultMetric = topology.Links.All(l => l.LatencyMs is not null || _notSwitches.Contains(l.A.Node) || _notSwitches.Contains(l.B.Node))
            ? PathMetric.Latency
            : PathMetric.Hops;
    }

    private readonly PathMetric _defaultMetric;

    /// <summary>One route, shortest by latency (or by hops).</summary>
    public CircuitRoute Plan(ResolvedEndpoint from, ResolvedEndpoint to, RouteConstraints constraints, LinkStateOverlay state, PathMetric? metric = null)
    {
        if (from.Switch == to.Switch)
        {
            return _builder.Build(from, null, to);
        }

        var request = Request(from, to, constraints, metric ?? _defaultMetric);
        var finder = Finder(state);
        if (constraints.Via.IsDefaultOrEmpty)
        {
            var result = finder.Shortest(request);
            return result.Found ? _builder.Build(from, result.Path, to) : throw NoPath(from, to, result.Failure);
        }

        return _builder.Build(from, ViaPath(finder, request, constraints.Via, from, to), to);
    }

    /// <summary>A working and an SRLG-disjoint protection route.</summary>
    public (CircuitRoute Working, CircuitRoute Protection) PlanDisjoint(ResolvedEndpoint from, ResolvedEndpoint to, RouteConstraints constraints, LinkStateOverlay state)
    {
        if (from.Switch == to.Switch)
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"1+1 protection needs two switches; both endpoints are on {from.Switch}");
        }

        var result = Finder(state).DisjointPair(Request(from, to, constraints, _defaultMetric), Disjointness.Srlg);
        return result.Found
            ? (_builder.Build(from, result.Working, to), _builder.Build(from, result.Backup, to))
            : throw NoPath(from, to, result.Failure, "SRLG-disjoint pair");
    }

    private PathRequest Request(ResolvedEndpoint from, ResolvedEndpoint to, RouteConstraints constraints, PathMetric metric)
    {
        var nodes = _notSwitches.ToBuilder();
        var links = constraints.AvoidLinks.ToBuilder();
        var srlgs = constraints.AvoidSrlgs.ToBuilder();
        foreach (string id in constraints.Exclude.IsDefault ? [] : constraints.Exclude)
        {
            if (_topology.ContainsNode(id))
            {
                if (id == from.Switch || id == to.Switch)
                {
                    throw new LightpathException(LightpathErrorKind.NoPath, $"exclude '{id}': it is the switch of an endpoint");
                }

                nodes.Add(id);
            }
            else if (_topology.ContainsLink(id))
            {
                links.Add(id);
            }
            else if (_topology.ContainsSrlg(id))
            {
                srlgs.Add(id);
            }
            else
            {
                throw new LightpathException(LightpathErrorKind.InvalidRequest, $"constraints.exclude: '{id}' names no node, link or SRLG of topology '{_topology.Name}'");
            }
        }

        double access = (from.Access?.LatencyMs ?? 0) + (to.Access?.LatencyMs ?? 0);
        return new PathRequest(from.Switch, to.Switch)
        {
            Metric = metric,
            Constraints = new PathConstraints
            {
                ExcludeNodes = nodes.ToImmutable(),
                ExcludeLinks = links.ToImmutable(),
                ExcludeSrlgs = srlgs.ToImmutable(),
                MaxLatencyMs = constraints.MaxLatencyMs - access,
                Ports = constraints.Ports,
                MinFreeCapacity = constraints.FreeCapacity is null ? null : constraints.Bandwidth,
                FreeCapacity = constraints.FreeCapacity,
                Duplex = true,
            },
        };
    }

    private NetworkPath ViaPath(PathFinder finder, PathRequest request, ImmutableArray<string> via, ResolvedEndpoint from, ResolvedEndpoint to)
    {
        var stops = new List<string> { from.Switch };
        foreach (string v in via)
        {
            if (!_topology.TryGetNode(v, out var node) || node.Kind != NodeKind.OpticalSwitch)
            {
                throw new LightpathException(LightpathErrorKind.InvalidRequest, $"constraints.via: '{v}' is not a photonic switch of topology '{_topology.Name}'");
            }

            stops.Add(v);
        }

        stops.Add(to.Switch);
        var used = request.Constraints.ExcludeNodes;
        var segments = new List<NetworkPath>();
        for (int i = 0; i + 1 < stops.Count; i++)
        {
            var excluded = used.Except(stops.Skip(i).Take(2));
            var segment = finder.Shortest(request with { From = stops[i], To = stops[i + 1], Constraints = request.Constraints with { ExcludeNodes = excluded, MaxLatencyMs = null } });
            if (!segment.Found)
            {
                throw NoPath(from, to, segment.Failure, $"path via {string.Join(", ", via)} (segment {stops[i]} to {stops[i + 1]})");
            }

            segments.Add(segment.Path);
            used = used.Union(segment.Path.Nodes.Take(segment.Path.Nodes.Length - 1));
        }

        var path = new NetworkPath
        {
            Nodes = [stops[0], .. segments.SelectMany(s => s.Nodes.Skip(1))],
            Hops = [.. segments.SelectMany(s => s.Hops)],
            Metric = request.Metric,
            Cost = segments.Sum(s => s.Cost),
            LengthKm = segments.Sum(s => s.LengthKm ?? 0),
            LatencyMs = segments.Sum(s => s.LatencyMs ?? 0),
        };
        double access = (from.Access?.LatencyMs ?? 0) + (to.Access?.LatencyMs ?? 0);
        if (request.Constraints.MaxLatencyMs is { } budget && path.LatencyMs > budget)
        {
            throw new LightpathException(LightpathErrorKind.NoPath, $"no path from {from} to {to} via {string.Join(", ", via)} within maxLatencyMs {budget + access:0.###}: the best takes {path.LatencyMs + access:0.###} ms");
        }

        return path;
    }

    private PathFinder Finder(LinkStateOverlay state)
    {
        var cached = _cached;
        if (cached is not null && cached.Item1 == state.Version)
        {
            return cached.Item2;
        }

        var finder = new PathFinder(NetworkGraph.Build(_topology, state));
        _cached = Tuple.Create(state.Version, finder);
        return finder;
    }

    private static LightpathException NoPath(ResolvedEndpoint from, ResolvedEndpoint to, PathFailure failure, string what = "path")
    {
        string blocked = failure.BlockingConstraints.IsDefaultOrEmpty ? string.Empty : $" (blocked by: {string.Join(", ", failure.BlockingConstraints)})";
        return new LightpathException(LightpathErrorKind.NoPath, $"no {what} from {from} to {to}: {failure.Message}{blocked}") { PortsBusy = failure.BlockedByPorts };
    }
}
