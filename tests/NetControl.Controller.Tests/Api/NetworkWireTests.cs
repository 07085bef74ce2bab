using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Core.LinkState;

namespace NetControl.Controller.Tests.Api;

/// <summary>Topology, link state, what-if and cost as the API shows them.</summary>
public sealed class NetworkWireTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Topology_UsLhcNet_NodesLinksSrlgs()
    {
        var body = await GetAsync("/api/v1/topology");

        Assert.Equal("USLHCnet", body.GetProperty("name").GetString());
        var chi = body.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == "CHI-PXC");
        Assert.Equal("optical-switch", chi.GetProperty("kind").GetString());
        Assert.Equal("calient", chi.GetProperty("vendor").GetString());
        Assert.Equal("CHI", chi.GetProperty("site").GetString());
        Assert.Equal(41.8966, chi.GetProperty("lat").GetDouble(), 4);
        Assert.Contains("1.1a.4", chi.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        var qwest = body.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "CHI-GVA-QWEST");
        Assert.Equal("CHI-PXC:1.1a.2", qwest.GetProperty("a").GetString());
        Assert.Equal("GVA-GG:10005", qwest.GetProperty("b").GetString());
        Assert.Equal(8400, qwest.GetProperty("lengthKm").GetDouble());
        Assert.Equal(10e9, qwest.GetProperty("capacityBps").GetDouble());
        Assert.Equal(["qwest"], qwest.GetProperty("srlgs").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(body.GetProperty("srlgs").EnumerateArray(), s => s.GetProperty("id").GetString() == "internet2");
    }

    [Fact]
    public async Task Links_OneDown_ShowsConditionCauseSince()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        _api.Service.LinkState = _api.Service.LinkState.With("CHI-GVA-QWEST", LinkCondition.Down, "LOS on CHI-PXC 1.1a.2", at);

        var items = (await GetAsync("/api/v1/links")).GetProperty("items");

        Assert.Equal(ApiHarness.UsLhcNet.Links.Length, items.GetArrayLength());
        var down = items.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "CHI-GVA-QWEST");
        Assert.Equal("down", down.GetProperty("condition").GetString());
        Assert.Equal("LOS on CHI-PXC 1.1a.2", down.GetProperty("cause").GetString());
        Assert.Equal(at, down.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(["qwest"], down.GetProperty("srlgs").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("up", items.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "CHI-CIT-I2").GetProperty("condition").GetString());
    }

    [Fact]
    public async Task WhatIf_Is200WithThreeCandidates()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/paths/what-if", ApiHarness.ViewerToken,
            """{ "from": "cern-fdt", "to": "caltech-fdt", "constraints": { "exclude": ["qwest"] } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("shortest", body.GetProperty("shortest").GetProperty("kind").GetString());
        Assert.Single(body.GetProperty("fewestHops").GetProperty("legs").EnumerateArray());
        Assert.StartsWith("no SRLG-disjoint pair", body.GetProperty("disjointPair").GetProperty("unavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_KnownPair_LatencyLossBandwidthRoute()
    {
        var body = await GetAsync("/api/v1/cost?from=cern-fdt&to=caltech-fdt");

        Assert.Equal("cern-fdt", body.GetProperty("from").GetString());
        Assert.Equal(59.5, body.GetProperty("latencyMs").GetDouble());
        Assert.Equal(0.0, body.GetProperty("lossRatio").GetDouble());
        Assert.Equal(10e9, body.GetProperty("availableBandwidthBps").GetDouble());
        Assert.Equal(4, body.GetProperty("route").GetProperty("links").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("unavailable").ValueKind);
    }

    [Fact]
    public async Task Cost_UnknownEndpoint_Is400Problem()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/cost?from=cern-fdt&to=mars", ApiHarness.ViewerToken);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "unknown-endpoint");
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, path, ApiHarness.ViewerToken);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
