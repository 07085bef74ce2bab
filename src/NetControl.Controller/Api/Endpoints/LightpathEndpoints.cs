using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Api.Events;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;
using NetControl.Controller.Api.Requests;
using NetControl.Controller.Security;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Endpoints;

/// <summary><c>/api/v1/lightpaths</c>: request, list, show, release, change end, renew, reroute, watch.</summary>
internal static class LightpathEndpoints
{
    public const string Base = ApiRoutes.Prefix + "/lightpaths";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lightpaths").WithTags("lightpaths");

        group.MapPost("/", RequestAsync).RequireRole(ApiRole.Operator)
            .Accepts<LightpathRequestBody>("application/json")
            .Produces<LightpathDto>(StatusCodes.Status202Accepted)
            .WithSummary("Requests a lightpath; 202 with its id and Location, provisioning continues in the background");
        group.MapGet("/", List).Produces<ItemsDto<LightpathDto>>().WithSummary("Every lightpath");
        group.MapGet("/{id}", Get).Produces<LightpathDto>().WithSummary("One lightpath: state, path, every transition");
        group.MapDelete("/{id}", ReleaseAsync).RequireRole(ApiRole.Operator)
            .Produces<LightpathDto>(StatusCodes.Status202Accepted).WithSummary("Starts releasing a lightpath");
        group.MapPatch("/{id}", ChangeEndAsync).RequireRole(ApiRole.Operator)
            .Accepts<ChangeEndBody>("application/json").Produces<LightpathDto>().WithSummary("Moves the end of the window (null: open-ended)");
        group.MapPost("/{id}/renew", RenewAsync).RequireRole(ApiRole.Operator)
            .Produces<LightpathDto>().WithSummary("Renews the lease");
        group.MapPost("/{id}/reroute", RerouteAsync).RequireRole(ApiRole.Operator)
            .Produces<LightpathDto>(StatusCodes.Status202Accepted).WithSummary("Moves an active lightpath to the best path now");
        group.MapGet("/{id}/events", LightpathEventStream.WriteAsync)
            .Produces<LightpathDto>(StatusCodes.Status200OK, LightpathEventStream.ContentType)
            .WithSummary("Server-sent events: 'lightpath' with the lightpath JSON, at once and after every change, until released");
    }

    private static async Task<IResult> RequestAsync(HttpContext context, ILightpathService service)
    {
        var body = await JsonBody.ReadAsync<LightpathRequestBody>(context).ConfigureAwait(false);
        var request = RequestParser.ToRequest(body);
        var record = await service.RequestAsync(request, Owner(context), context.RequestAborted).ConfigureAwait(false);
        return Accepted(record);
    }

    private static ItemsDto<LightpathDto> List(ILightpathService service) =>
        new([.. service.List().Select(r => r.ToDto())]);

    private static LightpathDto Get(string id, ILightpathService service) => service.Get(id).ToDto();

    private static async Task<IResult> ReleaseAsync(string id, HttpContext context, ILightpathService service)
    {
        RequireOwner(id, context, service, "release");
        var record = await service.ReleaseAsync(id, $"released by {Owner(context)}", context.RequestAborted).ConfigureAwait(false);
        return Accepted(record);
    }

    private static async Task<LightpathDto> ChangeEndAsync(string id, HttpContext context, ILightpathService service)
    {
        RequireOwner(id, context, service, "change");
        var body = await JsonBody.ReadElementAsync(context).ConfigureAwait(false);
        if (!body.TryGetProperty("end", out var endElement))
        {
            throw new ApiRequestException("field 'end' is required (an ISO-8601 time, or null for open-ended)");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "end")
            {
                throw new ApiRequestException($"unknown field '{property.Name}' (only 'end' can be changed)");
            }
        }

        DateTimeOffset? end = endElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => RequestParser.Time(endElement.GetString(), "end"),
            _ => throw new ApiRequestException("field 'end' has the wrong type (expected an ISO-8601 string or null)"),
        };
        var record = await service.ChangeEndAsync(id, end, context.RequestAborted).ConfigureAwait(false);
        return record.ToDto();
    }

    private static async Task<LightpathDto> RenewAsync(string id, HttpContext context, ILightpathService service)
    {
        RequireOwner(id, context, service, "renew");
        return (await service.RenewAsync(id, context.RequestAborted).ConfigureAwait(false)).ToDto();
    }

    /// <summary>An operator acts on its own lightpaths only; an admin on any.</summary>
    private static void RequireOwner(string id, HttpContext context, ILightpathService service, string action)
    {
        string owner = service.Get(id).Owner;
        string caller = Owner(context);
        bool admin = ApiRoleNames.TryParse(context.User.FindFirst(TokenAuthenticationHandler.RoleClaim)?.Value, out var role) && role >= ApiRole.Admin;
        if (owner != caller && !admin)
        {
            throw new ApiForbiddenException($"lightpath {id} belongs to '{owner}': only its owner or an admin may {action} it (you are '{caller}')");
        }
    }

    private static async Task<IResult> RerouteAsync(string id, HttpContext context, ILightpathService service)
    {
        var record = await service.RerouteAsync(id, context.RequestAborted).ConfigureAwait(false);
        return Accepted(record);
    }

    /// <summary>202 with the lightpath and its Location: the change goes on in the background.</summary>
    private static IResult Accepted(LightpathRecord record) =>
        TypedResults.Accepted($"{Base}/{Uri.EscapeDataString(record.Id)}", record.ToDto());

    private static string Owner(HttpContext context) => context.User.Identity?.Name ?? "anonymous";
}
