using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;
using NetControl.Controller.Api.Requests;
using NetControl.Controller.Security;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Endpoints;

/// <summary><c>/api/v1/restoration</c>: read (viewer) and freeze or resume (admin) automatic restoration.</summary>
internal static class RestorationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/restoration", (ILightpathService service) => new RestorationDto(service.RestorationFrozen))
            .WithTags("restoration").Produces<RestorationDto>().WithSummary("Whether automatic restoration is frozen");
        api.MapPut("/restoration", SetAsync).RequireRole(ApiRole.Admin).WithTags("restoration")
            .Accepts<RestorationBody>("application/json").Produces<RestorationDto>()
            .WithSummary("Freezes or resumes automatic restoration (admin)");
        api.MapPost("/links/{id}/repaired", Repaired).RequireRole(ApiRole.Admin).WithTags("restoration")
            .Produces<LinkStateDto>()
            .WithSummary("Reports a fibre repaired before light proves it: the link is up for new paths and revert (admin)");
    }

    private static LinkStateDto Repaired(string id, HttpContext context, ILightpathService service)
    {
        string who = context.User.Identity?.Name ?? "an admin";
        service.ReportRepaired(id, $"reported repaired by {who}");
        return service.LinkState.ToDto().Items.Single(l => l.Id == id);
    }

    private static async Task<RestorationDto> SetAsync(HttpContext context, ILightpathService service)
    {
        var body = await JsonBody.ReadAsync<RestorationBody>(context).ConfigureAwait(false);
        bool frozen = body.Frozen ?? throw new ApiRequestException("field 'frozen' is required (true or false)");
        await service.SetRestorationFrozenAsync(frozen, context.RequestAborted).ConfigureAwait(false);
        return new RestorationDto(service.RestorationFrozen);
    }
}
