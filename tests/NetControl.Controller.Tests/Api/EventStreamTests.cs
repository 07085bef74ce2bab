using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Lightpaths;

namespace NetControl.Controller.Tests.Api;

/// <summary>The server-sent-events status stream: framing, first the current state, heartbeats, end after Released.</summary>
public sealed class EventStreamTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(heartbeat: TimeSpan.FromMilliseconds(200));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Events_LifecycleToReleased_OneFramePerChangeThenEnd()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");
        using var sse = await SseClient.OpenAsync(_api.Http, $"/api/v1/lightpaths/{record.Id}/events", ApiHarness.ViewerToken);

        Assert.Equal(HttpStatusCode.OK, sse.Response.StatusCode);
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("provisioning", State(await sse.NextLightpathAsync()));

        _api.Service.Advance(record.Id, LightpathState.Active, LightpathTrigger.ProvisioningSucceeded, "verified");
        Assert.Equal("active", State(await sse.NextLightpathAsync()));

        _api.Service.Advance(record.Id, LightpathState.Releasing, LightpathTrigger.ReleaseRequested, "released by otto");
        _api.Service.Advance(record.Id, LightpathState.Released, LightpathTrigger.ReleaseCompleted, "verified gone");
        Assert.Equal("releasing", State(await sse.NextLightpathAsync()));
        string? last = await sse.NextLightpathAsync();
        Assert.Equal("released", State(last));
        Assert.Equal(4, JsonDocument.Parse(last!).RootElement.GetProperty("history").GetArrayLength());
        Assert.Null(await sse.NextLightpathAsync());
    }

    [Fact]
    public async Task Events_Idle_SendsHeartbeatComments()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");
        using var sse = await SseClient.OpenAsync(_api.Http, $"/api/v1/lightpaths/{record.Id}/events", ApiHarness.ViewerToken);
        await sse.NextLightpathAsync();

        var frame = await sse.NextFrameAsync();

        Assert.Equal([": heartbeat"], frame);
    }

    [Fact]
    public async Task Events_AlreadyReleased_OneFrameThenEnd()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");
        _api.Service.Advance(record.Id, LightpathState.Releasing, LightpathTrigger.ReleaseRequested, "released by otto");
        _api.Service.Advance(record.Id, LightpathState.Released, LightpathTrigger.ReleaseCompleted, "verified gone");
        using var sse = await SseClient.OpenAsync(_api.Http, $"/api/v1/lightpaths/{record.Id}/events", ApiHarness.ViewerToken);

        Assert.Equal("released", State(await sse.NextLightpathAsync()));
        Assert.Null(await sse.NextFrameAsync());
    }

    [Fact]
    public async Task Events_NoToken_Is401()
    {
        var record = await _api.Service.RequestAsync(new() { From = "cern-fdt", To = "caltech-fdt" }, "otto");

        using var response = await _api.SendAsync(HttpMethod.Get, $"/api/v1/lightpaths/{record.Id}/events", token: null);

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static string? State(string? data) => data is null ? null : JsonDocument.Parse(data).RootElement.GetProperty("state").GetString();
}
