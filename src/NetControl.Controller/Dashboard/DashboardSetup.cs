using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using NetControl.Controller.Api.Problems;
using NetControl.Controller.Security;
using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;
using NetControl.Controller.Telemetry;
using NetControl.Controller.Utilisation;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// Wires the dashboard into the controller: the feed, the sources and the pump (services), the page's static files
/// and the hub-only token query (middleware), the hub and the demo's fault endpoints (routes).
/// </summary>
internal static class DashboardSetup
{
    /// <summary>Folder of the page in the build output (copied there from the project's wwwroot).</summary>
    public static string PageRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot", "dashboard");

    public static void AddNetControlDashboard(
        this IServiceCollection services, DashboardOptions options, ILightpathService service, TelemetryPipeline? telemetry, LinkUtilisationTable? utilisation, NetworkTopology? overlayTopology, IFibreFaultInjector? faults)
    {
        options.Validate();
        services.AddSignalR().AddJsonProtocol();
        services.AddSingleton(options);
        services.AddSingleton<DashboardFeed>();
        services.AddSingleton(new UpdateFactory(new LinkIndex(service.Topology, overlayTopology), service.Topology));
        services.AddSingleton(sp => new DashboardSources(sp.GetRequiredService<DashboardFeed>(), service, telemetry?.Links, telemetry?.Overlay, sp.GetRequiredService<UpdateFactory>(), utilisation));
        services.AddSingleton(sp => new SnapshotBuilder(
            sp.GetRequiredService<DashboardFeed>(), options, service, telemetry?.Links, utilisation, telemetry?.Overlay, overlayTopology, sp.GetRequiredService<UpdateFactory>(), faults is not null));
        services.AddSingleton<IDashboardSender, HubDashboardSender>();
        services.AddHostedService<DashboardPump>();
        if (faults is not null)
        {
            services.AddSingleton(faults);
        }
    }

    /// <summary>Static files of the page (no authentication: it holds no data) and the hub's token query; before routing.</summary>
    public static void UseNetControlDashboard(this IApplicationBuilder app)
    {
        string root = PageRoot;
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = DashboardOptions.PagePath });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = DashboardOptions.PagePath });
        }

        app.UseWebSockets();
        app.UseMiddleware<HubTokenQuery>();
    }

    public static void MapNetControlDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet(DashboardOptions.PagePath, (HttpContext context) => Results.Redirect(DashboardOptions.PagePath + "/" + context.Request.QueryString)).ExcludeFromDescription();
        app.MapHub<DashboardHub>(DashboardOptions.HubPath).RequireRole(ApiRole.Viewer);
        if (app.ServiceProvider.GetService<IFibreFaultInjector>() is null)
        {
            return;
        }

        app.MapPost(DashboardOptions.PagePath + "/faults/links/{id}/cut", (string id, IFibreFaultInjector faults, ILightpathService service, ILogger<DashboardFeed> logger, HttpContext context) =>
                InjectAsync(id, repair: false, faults, service, logger, context))
            .RequireRole(ApiRole.Operator)
            .ExcludeFromDescription();

        // A repair also reports the link repaired to the lightpath service (down is latched until someone does), which
        // is an admin control, as POST /api/v1/links/{id}/repaired.
        app.MapPost(DashboardOptions.PagePath + "/faults/links/{id}/repair", (string id, IFibreFaultInjector faults, ILightpathService service, ILogger<DashboardFeed> logger, HttpContext context) =>
                InjectAsync(id, repair: true, faults, service, logger, context))
            .RequireRole(ApiRole.Admin)
            .ExcludeFromDescription();
    }

    private static async Task InjectAsync(string id, bool repair, IFibreFaultInjector faults, ILightpathService service, ILogger logger, HttpContext context)
    {
        if (!service.Topology.ContainsLink(id))
        {
            throw new LightpathException(LightpathErrorKind.NotFound, $"no link '{id}' in topology '{service.Topology.Name}'");
        }

        try
        {
            await faults.InjectAsync(id, repair, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FibreFaultException ex)
        {
            DashboardLog.FaultFailed(logger, id, repair ? "repair" : "cut", ex.Message);
            await ProblemWriter.WriteAsync(context, ProblemKind.DeviceError, ex.Message).ConfigureAwait(false);
            return;
        }

        if (repair)
        {
            string who = context.User.Identity?.Name ?? "unknown";
            service.ReportRepaired(id, $"fibre repaired in the simulator from the dashboard by {who}");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
