using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using NetControl.Controller.Security;

namespace NetControl.Controller.Api.Endpoints;

/// <summary>Maps every API route under <c>/api/v1</c>; reading needs a viewer token, changing more.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    public static void MapNetControlApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).RequireRole(ApiRole.Viewer);
        LightpathEndpoints.Map(api);
        NetworkEndpoints.Map(api);
        RestorationEndpoints.Map(api);
        TelemetryEndpoints.Map(api);
    }
}
