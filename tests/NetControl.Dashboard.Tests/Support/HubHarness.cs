using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Dashboard;
using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Controller.Tests.Support;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>The controller on real Kestrel (127.0.0.1, port 0) around a <see cref="FakeLightpathService"/>, with a viewer and an operator token.</summary>
internal sealed class HubHarness : IAsyncDisposable
{
    public const string ViewerToken = "viewer-token-dashboard-0123";
    public const string OperatorToken = "operator-token-dashboard-0123";
    public const string AdminToken = "admin-token-dashboard-0123";

    private HubHarness(ControllerHost host, FakeLightpathService service)
    {
        Host = host;
        Service = service;
        Http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ControllerHost Host { get; }

    public FakeLightpathService Service { get; }

    public HttpClient Http { get; }

    public Uri HubUrl => new(Host.Address, DashboardOptions.HubPath);

    public static async Task<HubHarness> StartAsync(Core.Topology.NetworkTopology? topology = null, IFibreFaultInjector? faults = null)
    {
        var service = new FakeLightpathService(topology ?? TestTopologies.UsLhcNet);
        var options = new ControllerOptions
        {
            Listen = "http://127.0.0.1:0",
            Topology = service.Topology,
            Tokens = [new(ViewerToken, "vera", ApiRole.Viewer), new(OperatorToken, "otto", ApiRole.Operator), new(AdminToken, "ada", ApiRole.Admin)],
            FaultInjector = faults,
        };
        var host = await ControllerHost.StartAsync(options, service);
        return new HubHarness(host, service);
    }

    /// <summary>A .NET SignalR client of the hub, token as the SignalR clients send it (header, or query for WebSockets in browsers).</summary>
    public HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(HubUrl, o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
