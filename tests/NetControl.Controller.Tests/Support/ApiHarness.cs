using System.Net.Http.Headers;
using System.Text;
using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Formats;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.Support;

/// <summary>The API on real Kestrel (127.0.0.1, port 0) around a <see cref="FakeLightpathService"/>, with one token per role.</summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    public const string ViewerToken = "viewer-token-0123456789";
    public const string OperatorToken = "operator-token-0123456789";
    public const string AdminToken = "admin-token-0123456789";
    public const string OtherOperatorToken = "operator-token-otherone99";

    private ApiHarness(ControllerHost host, FakeLightpathService service)
    {
        Host = host;
        Service = service;
        Http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ControllerHost Host { get; }

    public FakeLightpathService Service { get; }

    public HttpClient Http { get; }

    public static IReadOnlyList<ApiToken> Tokens { get; } =
    [
        new(ViewerToken, "vera", ApiRole.Viewer),
        new(OperatorToken, "otto", ApiRole.Operator),
        new(AdminToken, "ada", ApiRole.Admin),
        new(OtherOperatorToken, "olga", ApiRole.Operator),
    ];

    public static NetControl.Core.Topology.NetworkTopology UsLhcNet { get; } =
        TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));

    /// <param name="topology">The network (the demo network unless given).</param>
    /// <param name="faults">The demo's fibre cut and repair, for the dashboard's operator actions.</param>
    public static async Task<ApiHarness> StartAsync(TimeSpan? heartbeat = null, NetControl.Core.Topology.NetworkTopology? topology = null, Dashboard.IFibreFaultInjector? faults = null)
    {
        var service = new FakeLightpathService(topology ?? UsLhcNet);
        var options = new ControllerOptions
        {
            Listen = "http://127.0.0.1:0",
            Topology = service.Topology,
            Tokens = Tokens,
            EventStreamHeartbeat = heartbeat ?? TimeSpan.FromSeconds(15),
            FaultInjector = faults,
        };
        var host = await ControllerHost.StartAsync(options, service);
        return new ApiHarness(host, service);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null) =>
        Http.SendAsync(Request(method, path, token, json));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
