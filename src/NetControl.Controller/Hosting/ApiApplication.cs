using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetControl.Controller.Api.Endpoints;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;
using NetControl.Controller.Dashboard;
using NetControl.Controller.Security;
using NetControl.Controller.Telemetry;
using NetControl.Controller.Utilisation;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Hosting;

/// <summary>Builds and starts the Kestrel application serving the API around a lightpath service.</summary>
internal static class ApiApplication
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        ControllerOptions options, ILightpathService service, TelemetryPipeline? telemetry, LinkUtilisationTable utilisation, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(ApiApplication).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Listen);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(new TelemetryAccess(telemetry));
        builder.Services.AddSingleton(utilisation);
        builder.Services.AddSingleton(new TokenTable(options.Tokens));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddAuthentication(TokenAuthenticationOptions.Scheme)
            .AddScheme<TokenAuthenticationOptions, TokenAuthenticationHandler>(TokenAuthenticationOptions.Scheme, null);
        builder.Services.AddAuthorization(RolePolicies.Add);
        builder.Services.AddNetControlDashboard(options.Dashboard, service, telemetry, utilisation, options.Telemetry?.Overlay, options.FaultInjector);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "NetControl lightpath API";
            document.Info.Description = "On-demand optical lightpaths: request, watch, release; what-if and network cost. Bearer tokens with roles viewer < operator < admin.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseNetControlDashboard();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapNetControlApi();
        app.MapNetControlDashboard();

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.First());
        return (app, address);
    }
}
