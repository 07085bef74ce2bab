using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Dashboard;
using NetControl.Core.LinkState;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Hub;

public sealed class DashboardHubTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartAsync_NoToken_IsRefusedWith401()
    {
        await using var harness = await HubHarness.StartAsync();
        await using var connection = harness.Connect(null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task StartAsync_UnknownToken_IsRefusedWith401()
    {
        await using var harness = await HubHarness.StartAsync();
        await using var connection = harness.Connect("not-a-token");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Subscribe_ViewerToken_ReturnsTheSnapshotThenDeltas()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await using var client = await harness.StartClientAsync(HubHarness.ViewerToken, timeout.Token);
        var (connection, deltas) = client;

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", DashboardFilter.All, timeout.Token);
        harness.Service.LinkState = harness.Service.LinkState.With("AMS-GVA-GEANT", LinkCondition.Down, "fibre cut", DateTimeOffset.UtcNow);
        var received = await NextWithAsync(deltas.Reader, UpdateKinds.LinkState, timeout.Token);

        Assert.Equal(harness.Service.Topology.Nodes.Length, snapshot.Topology.Nodes.Count);
        Assert.Equal(harness.Service.Topology.Links.Length, snapshot.LinkStates.Count);
        Assert.All(snapshot.LinkStates, s => Assert.Equal("up", s.State));
        Assert.Equal("AMS-GVA-GEANT", received.Link);
        Assert.Equal("down", received.State);
        Assert.Equal("fibre cut", received.Cause);
    }

    [Fact]
    public async Task Subscribe_LinkFilter_DeltasOnlyForThatLink()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await using var client = await harness.StartClientAsync(HubHarness.ViewerToken, timeout.Token);
        var (connection, deltas) = client;

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", new DashboardFilter { Kinds = ["link"], Links = ["CHI-GVA-QWEST"] }, timeout.Token);
        var now = DateTimeOffset.UtcNow;
        harness.Service.LinkState = harness.Service.LinkState.With("AMS-GVA-GEANT", LinkCondition.Down, "cut", now).With("CHI-GVA-QWEST", LinkCondition.Down, "cut", now);
        var batch = await deltas.Reader.ReadAsync(timeout.Token);

        Assert.Equal("CHI-GVA-QWEST", Assert.Single(snapshot.LinkStates).Link);
        var only = Assert.Single(batch.Updates);
        Assert.Equal("link:CHI-GVA-QWEST", only.Key);
    }

    [Fact]
    public async Task Negotiate_AccessTokenQuery_AcceptedOnTheHubPathOnly()
    {
        await using var harness = await HubHarness.StartAsync();

        using var withQuery = await harness.Http.PostAsync($"{DashboardOptions.HubPath}/negotiate?negotiateVersion=1&access_token={HubHarness.ViewerToken}", null);
        using var without = await harness.Http.PostAsync($"{DashboardOptions.HubPath}/negotiate?negotiateVersion=1", null);
        using var api = await harness.Http.GetAsync($"/api/v1/lightpaths?access_token={HubHarness.ViewerToken}");

        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task StartAsync_WebSocketsOnlyWithViewerToken_Connects()
    {
        await using var harness = await HubHarness.StartAsync();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(harness.HubUrl, Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(HubHarness.ViewerToken);
            })
            .Build();
        using var timeout = new CancellationTokenSource(Limit);

        await connection.StartAsync(timeout.Token);
        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", DashboardFilter.All, timeout.Token);

        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal(harness.Service.Topology.Name, snapshot.Topology.Name);
    }

    private static async Task<LinkStatePayload> NextWithAsync(ChannelReader<DeltaBatch> reader, string kind, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await reader.ReadAsync(cancellationToken);
            foreach (var update in batch.Updates)
            {
                if (update.Kind == kind)
                {
                    return System.Text.Json.JsonSerializer.Deserialize<LinkStatePayload>((System.Text.Json.JsonElement)update.Data, System.Text.Json.JsonSerializerOptions.Web)!;
                }
            }
        }
    }
}
