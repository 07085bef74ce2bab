using NetControl.Core.LinkState;
using NetControl.Core.Reservations;
using NetControl.Core.Units;
using NetControl.Graph.Paths;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    public WhatIfResult WhatIf(WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var window = Window(new LightpathRequest { From = request.From, To = request.To, Start = request.Start, End = request.End }, now);
        lock (_admission)
        {
            var free = _calendar.LiveAvailability(window);
            var from = _endpoints.Resolve(request.From, free, "from");
            var to = _endpoints.Resolve(request.To, free, "to");
            var constraints = Constraints(request.Exclude, [], request.MaxLatencyMs, request.Bandwidth, free, window);
            return new WhatIfResult(
                Candidate("shortest", () => [_planner.Plan(from, to, constraints, LinkState)]),
                Candidate("fewest-hops", () => [_planner.Plan(from, to, constraints, LinkState, PathMetric.Hops)]),
                Candidate("disjoint-pair", () =>
                {
                    var (working, protection) = _planner.PlanDisjoint(from, to, constraints, LinkState);
                    return [working, protection];
                }));
        }
    }

    public PathCost Cost(string from, string to)
    {
        var now = _time.GetUtcNow();
        var window = new TimeWindow(now, now.AddSeconds(1));
        lock (_admission)
        {
            var resolvedFrom = _endpoints.Resolve(from, null, "from");
            var resolvedTo = _endpoints.Resolve(to, null, "to");
            CircuitRoute route;
            try
            {
                route = _planner.Plan(resolvedFrom, resolvedTo, new Routing.RouteConstraints(), LinkState);
            }
            catch (LightpathException ex) when (ex.Kind == LightpathErrorKind.NoPath)
            {
                return new PathCost(from, to, null, null, null, null, ex.Message);
            }

            DataRate? available = null;
            foreach (string linkId in route.Links)
            {
                var link = Topology.GetLink(linkId);
                if (link.Capacity is null)
                {
                    continue;
                }

                var free = _calendar.AvailableCapacity(linkId, window);
                available = available is { } a && a < free ? a : free;
            }

            // Loss needs probe measurements; with none, a path of links that are up and not degraded is taken as lossless.
            bool degraded = route.Links.Any(l => LinkState.Get(l).Condition == LinkCondition.Degraded);
            return new PathCost(from, to, route, route.LatencyMs, degraded ? null : 0.0, available, null);
        }
    }

    private static PathCandidate Candidate(string kind, Func<IReadOnlyList<CircuitRoute>> find)
    {
        try
        {
            return new PathCandidate(kind, find(), null);
        }
        catch (LightpathException ex) when (ex.Kind is LightpathErrorKind.NoPath or LightpathErrorKind.InvalidRequest)
        {
            return new PathCandidate(kind, [], ex.Message);
        }
    }
}
