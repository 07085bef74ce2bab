using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Requests;
using NetControl.Controller.Utilisation;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Endpoints;

/// <summary>Read-only network views: what-if candidates, pair cost, topology, link state, measured link utilisation.</summary>
internal static class NetworkEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/paths/what-if", WhatIfAsync).WithTags("paths")
            .Accepts<WhatIfBody>("application/json").Produces<WhatIfDto>()
            .WithSummary("Candidate paths (shortest, fewest hops, disjoint pair) without reserving");
        api.MapGet("/cost", Cost).WithTags("paths").Produces<CostDto>()
            .WithSummary("Latency, loss and available bandwidth between two endpoints from current link state");
        api.MapGet("/topology", (ILightpathService service) => service.Topology.ToDto()).WithTags("network")
            .Produces<TopologyDto>().WithSummary("The managed network");
        api.MapGet("/links", (ILightpathService service) => service.LinkState.ToDto()).WithTags("network")
            .Produces<ItemsDto<LinkStateDto>>().WithSummary("Every link with its condition");
        api.MapGet("/links/utilisation", (LinkUtilisationTable table, ILightpathService service) => new ItemsDto<LinkUtilisationDto>([.. table.All().Select(u => u.ToDto(service.Topology))]))
            .WithTags("network").Produces<ItemsDto<LinkUtilisationDto>>()
            .WithSummary("Measured utilisation of every link measured so far (switch interface counters over SNMP)");
        api.MapGet("/links/{id}/utilisation", Utilisation).WithTags("network").Produces<LinkUtilisationDto>()
            .WithSummary("Measured utilisation of one link");
    }

    private static LinkUtilisationDto Utilisation(string id, LinkUtilisationTable table, ILightpathService service)
    {
        if (!service.Topology.ContainsLink(id))
        {
            throw new LightpathException(LightpathErrorKind.NotFound, $"no link '{id}' in topology '{service.Topology.Name}'");
        }

        return (table.Get(id) ?? throw new LightpathException(LightpathErrorKind.NotFound, $"link '{id}' has no measured utilisation (no SNMP agent of its switches has reported it)")).ToDto(service.Topology);
    }

    private static async Task<WhatIfDto> WhatIfAsync(HttpContext context, ILightpathService service)
    {
        var body = await JsonBody.ReadAsync<WhatIfBody>(context).ConfigureAwait(false);
        return service.WhatIf(RequestParser.ToRequest(body)).ToDto();
    }

    private static CostDto Cost(string? from, string? to, ILightpathService service) =>
        service.Cost(RequestParser.Required(from, "from"), RequestParser.Required(to, "to")).ToDto();
}
