using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Dashboard;
using NetControl.Controller.Hosting;
using NetControl.Controller.Tests.Support;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>The API harness of the controller tests (real Kestrel around a <see cref="FakeLightpathService"/>), plus the dashboard hub's address and clients.</summary>
internal sealed class HubHarness : IAsyncDisposable
{
    public const string ViewerToken = ApiHarness.ViewerToken;
    public const string OperatorToken = ApiHarness.OperatorToken;
    public const string AdminToken = ApiHarness.AdminToken;

    private readonly ApiHarness _api;

    private HubHarness(ApiHarness api) => _api = api;

    public ControllerHost Host => _api.Host;

    public FakeLightpathService Service => _api.Service;

    public HttpClient Http => _api.Http;

    public Uri HubUrl => new(Host.Address, DashboardOptions.HubPath);

    public static async Task<HubHarness> StartAsync(Core.Topology.NetworkTopology? topology = null, IFibreFaultInjector? faults = null) =>
        new(await ApiHarness.StartAsync(topology: topology ?? TestTopologies.UsLhcNet, faults: faults));

    /// <summary>A .NET SignalR client of the hub, token as the SignalR clients send it (header, or query for WebSockets in browsers).</summary>
    public HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(HubUrl, o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();

    /// <summary>A started hub client whose delta batches are collected in a channel.</summary>
    public async Task<HubClient> StartClientAsync(string? token, CancellationToken cancellationToken)
    {
        var connection = Connect(token);
        var deltas = Channel.CreateUnbounded<DeltaBatch>();
        connection.On<DeltaBatch>("deltas", b => deltas.Writer.TryWrite(b));
        await connection.StartAsync(cancellationToken);
        return new HubClient(connection, deltas);
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}

/// <summary>A hub connection and the delta batches it received.</summary>
internal sealed record HubClient(HubConnection Connection, Channel<DeltaBatch> Deltas) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
