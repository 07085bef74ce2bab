using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Lightpaths;

namespace NetControl.Controller.Tests.Api;

/// <summary>The lightpath resources as the CLI reads them: field names, enum spellings, status codes, Location.</summary>
public sealed class LightpathWireTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Post_FullBody_Is202WithLocationAndDto()
    {
        using var response = await _api.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", ApiHarness.OperatorToken, """
            { "from": "cern-fdt", "to": "caltech-fdt", "bandwidth": "10G", "protection": "1+1",
              "start": "2026-11-24T10:00:00Z", "end": "2026-11-24T12:00:00+01:00", "leaseSeconds": 30, "revert": "revert",
              "description": "CMS transfer 42", "constraints": { "exclude": ["AMS-GG"], "maxLatencyMs": 120, "via": ["CHI-PXC"] } }
            """);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var dto = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string id = dto.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/lightpaths/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("otto", dto.GetProperty("owner").GetString());
        Assert.Equal("provisioning", dto.GetProperty("state").GetString());
        Assert.Equal("1+1", dto.GetProperty("protection").GetString());
        Assert.Equal("10 Gb/s", dto.GetProperty("bandwidth").GetString());
        Assert.Equal("working", dto.GetProperty("activeLeg").GetString());
        Assert.Equal(JsonValueKind.Null, dto.GetProperty("protectionLeg").ValueKind);
        Assert.Equal("2026-11-24T11:00:00+00:00", dto.GetProperty("windowEnd").GetString());
        var working = dto.GetProperty("working");
        Assert.Equal(["cern-fdt", "GVA-GG", "CHI-PXC", "CIT-PXC", "caltech-fdt"], working.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()));
        var xc = working.GetProperty("crossConnects")[0];
        Assert.Equal("GVA-GG", xc.GetProperty("device").GetString());
        Assert.Equal("10001", xc.GetProperty("from").GetString());
        Assert.True(xc.GetProperty("duplex").GetBoolean());
        Assert.True(working.GetProperty("latencyMs").GetDouble() > 0);
        var history = Assert.Single(dto.GetProperty("history").EnumerateArray());
        Assert.Equal("requested", history.GetProperty("from").GetString());
        Assert.Equal("admitted", history.GetProperty("trigger").GetString());

        var request = _api.Service.Get(id).Request;
        Assert.Equal(["AMS-GG"], request.Exclude.ToArray());
        Assert.Equal(["CHI-PXC"], request.Via.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(30), request.Lease);
        Assert.Equal(NetControl.Orchestration.Lightpaths.RevertPolicy.Revert, request.Revert);
    }

    [Fact]
    public async Task List_TwoLightpaths_ItemsInOrder()
    {
        await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");
        await _api.Service.RequestAsync(new() { From = "caltech-fdt", To = "cern-fdt" }, "ada");

        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/lightpaths", ApiHarness.ViewerToken);

        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        Assert.Equal(["lp-1", "lp-2"], items.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Delete_Active_Is202Releasing()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{record.Id}", ApiHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var dto = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("releasing", dto.GetProperty("state").GetString());
        Assert.Equal("released by otto", dto.GetProperty("history")[1].GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Patch_EndAndNull_Is200()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var set = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/lightpaths/{record.Id}", ApiHarness.OperatorToken, """{ "end": "2026-11-30T00:00:00Z" }""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), _api.Service.Get(record.Id).WindowEnd);

        using var open = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/lightpaths/{record.Id}", ApiHarness.OperatorToken, """{ "end": null }""");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Null(_api.Service.Get(record.Id).WindowEnd);
    }

    [Fact]
    public async Task Renew_Is200WithLease()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt", Lease = TimeSpan.FromSeconds(30) }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/lightpaths/{record.Id}/renew", ApiHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual(JsonValueKind.Null, dto.GetProperty("leaseExpiresAt").ValueKind);
    }

    [Fact]
    public async Task Reroute_Active_Is202()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");
        _api.Service.Advance(record.Id, LightpathState.Active, LightpathTrigger.ProvisioningSucceeded, "verified");

        using var response = await _api.SendAsync(HttpMethod.Post, $"/api/v1/lightpaths/{record.Id}/reroute", ApiHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
