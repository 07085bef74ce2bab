using NetControl.Controller.Api.Dtos;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Json;

/// <summary>Domain records to API DTOs.</summary>
public static class DtoMapper
{
    public static LightpathDto ToDto(this LightpathRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = record.Request;
        return new LightpathDto(
            record.Id,
            record.Owner,
            WireNames.Of(record.State),
            request.From,
            request.To,
            WireNames.Of(request.Protection),
            request.Bandwidth?.ToString(),
            request.Description,
            record.CreatedAt,
            record.WindowStart,
            record.WindowEnd,
            record.LeaseExpiresAt,
            WireNames.Of(record.ActiveLeg),
            record.Working?.ToDto(),
            record.ProtectionLeg?.ToDto(),
            record.FailureCause,
            [.. record.History.Select(t => new TransitionDto(WireNames.Of(t.From), WireNames.Of(t.To), WireNames.Of(t.Trigger), t.At, t.Cause))])
        {
            ConfigureHosts = request.ConfigureHosts,
        };
    }

    public static RouteDto ToDto(this CircuitRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new RouteDto(
            [.. route.Nodes],
            [.. route.Links],
            route.LatencyMs,
            route.LengthKm,
            [.. route.Steps.Select(s => new CrossConnectDto(s.Device, s.Connection.From, s.Connection.To, s.Connection.Duplex))]);
    }

    public static CandidateDto ToDto(this PathCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new CandidateDto(candidate.Kind, [.. candidate.Legs.Select(l => l.ToDto())], candidate.Unavailable);
    }

    public static WhatIfDto ToDto(this WhatIfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WhatIfDto(result.Shortest.ToDto(), result.FewestHops.ToDto(), result.DisjointPair.ToDto());
    }

    public static CostDto ToDto(this PathCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new CostDto(cost.From, cost.To, cost.LatencyMs, cost.LossRatio, cost.AvailableBandwidth?.BitsPerSecond, cost.Route?.ToDto(), cost.Unavailable);
    }

    public static TopologyDto ToDto(this NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new TopologyDto(
            topology.Name,
            [.. topology.Nodes.Select(n => new NodeDto(n.Id, n.Kind.ToName(), n.Label, n.Site, n.Vendor, n.Location?.Latitude, n.Location?.Longitude, [.. n.Ports.Select(p => p.Name)]))],
            [.. topology.Links.Select(l => new LinkDto(l.Id, l.A.ToString(), l.B.ToString(), l.LengthKm, l.LatencyMs, l.Capacity?.BitsPerSecond, [.. l.Srlgs], l.Label))],
            [.. topology.Srlgs.Select(s => new SrlgDto(s.Id, s.Description))]);
    }

    public static ItemsDto<LinkStateDto> ToDto(this LinkStateOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        return new ItemsDto<LinkStateDto>([.. overlay.Topology.Links.Select(l =>
        {
            var status = overlay.Get(l.Id);
            return new LinkStateDto(l.Id, l.A.ToString(), l.B.ToString(), WireNames.Of(status.Condition), status.Cause, status.Since, [.. l.Srlgs]);
        })]);
    }
}
