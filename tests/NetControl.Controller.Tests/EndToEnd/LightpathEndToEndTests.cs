using System.Net;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// What a transfer tool does, against the real lightpath service and the simulated USLHCnet switches: request CERN to
/// Caltech, wait on the event stream until active, survive a fibre cut of its path, release, and leave no cross-connect.
/// </summary>
public sealed class LightpathEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly LogCapture _logs = new();
    private Microsoft.Extensions.Logging.ILoggerFactory _loggers = null!;
    private SimulatedController _net = null!;

    public async Task InitializeAsync()
    {
        _loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        _net = await SimulatedController.StartAsync(_loggers);
    }

    public async Task DisposeAsync()
    {
        await _net.DisposeAsync();
        _loggers.Dispose();
    }

    [Fact]
    public async Task Lightpath_RequestWatchCutRelease_RestoredThenNoCrossConnectsLeft()
    {
        // Request.
        using var post = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "caltech-fdt", "protection": "restorable", "description": "e2e" }""");
        string posted = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, posted);
        string id = JsonDocument.Parse(posted).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/lightpaths/{id}", post.Headers.Location?.OriginalString);

        // Watch until active.
        using (var sse = await SseClient.OpenAsync(_net.Http, $"/api/v1/lightpaths/{id}/events", SimulatedController.OperatorToken))
        {
            string? state = null;
            while (state != "active")
            {
                string? data = await sse.NextLightpathAsync(Wait);
                Assert.NotNull(data);
                state = JsonDocument.Parse(data).RootElement.GetProperty("state").GetString();
                Assert.NotEqual("failed", state);
            }
        }

        // The path and its history.
        var active = await _net.GetLightpathAsync(id);
        var working = active.GetProperty("working");
        var links = Strings(working.GetProperty("links"));
        Assert.Equal("cern-fdt", Strings(working.GetProperty("nodes"))[0]);
        Assert.Equal("caltech-fdt", Strings(working.GetProperty("nodes"))[^1]);
        Assert.True(working.GetProperty("crossConnects").GetArrayLength() >= 2);
        var history = active.GetProperty("history").EnumerateArray().Select(t => (t.GetProperty("from").GetString(), t.GetProperty("to").GetString())).ToList();
        Assert.Contains(("provisioning", "active"), history);
        foreach (var xc in working.GetProperty("crossConnects").EnumerateArray())
        {
            Assert.NotEmpty(await _net.ReadCrossConnectsAsync(xc.GetProperty("device").GetString()!));
        }

        // Cut a transatlantic or US link of the path: restored on another path.
        string cut = links.First(l => l is not ("CERN-FDT" or "CIT-FDT") && l != "CHI-CIT-I2");
        Assert.True(_net.Simulator.Network.Faults.CutLink(cut));
        JsonElement restored = default;
        await Eventually.TrueAsync(async () =>
        {
            restored = await _net.GetLightpathAsync(id);
            return restored.GetProperty("state").GetString() == "active" && !Strings(restored.GetProperty("working").GetProperty("links")).Contains(cut);
        }, Wait);
        Assert.NotEqual(links, Strings(restored.GetProperty("working").GetProperty("links")));
        Assert.Contains(restored.GetProperty("history").EnumerateArray(), t => t.GetProperty("to").GetString() == "restoring");

        // Release: every switch is empty again.
        using var delete = await _net.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) == "released", Wait);
        foreach (var sw in _net.Simulator.Endpoints)
        {
            Assert.Empty(await _net.ReadCrossConnectsAsync(sw.Name));
        }

        // Credentials and tokens never reach the log.
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.ToString().Contains(SimulatedController.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.ToString().Contains(SimulatedController.OperatorToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_AfterCut_ShowsTheLinkDown()
    {
        // A lightpath over the link makes the Calient raise loss of light when it is cut.
        using var post = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "caltech-fdt", "protection": "none" }""");
        string id = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) == "active", Wait);
        var links = Strings((await _net.GetLightpathAsync(id)).GetProperty("working").GetProperty("links"));
        string cut = links.First(l => l is not ("CERN-FDT" or "CIT-FDT") && l != "CHI-CIT-I2");

        _net.Simulator.Network.Faults.CutLink(cut);

        await Eventually.TrueAsync(async () =>
        {
            using var response = await _net.SendAsync(HttpMethod.Get, "/api/v1/links");
            var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
            return items.EnumerateArray().Any(l => l.GetProperty("id").GetString() == cut && l.GetProperty("condition").GetString() == "down");
        }, Wait);
    }

    [Fact]
    public async Task Lightpath_OnePlusOneToCaltech_Is409NoPathNamingTheSharedLink()
    {
        using var post = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "caltech-fdt", "protection": "1+1" }""");

        var problem = await Problem.AssertAsync(post, HttpStatusCode.Conflict, "no-path");
        Assert.Contains("CHI-CIT-I2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lightpath_OnePlusOneToChicago_ActiveWithDisjointProtectionLeg()
    {
        using var post = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "CHI-PXC", "protection": "1+1" }""");
        string posted = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, posted);
        string id = JsonDocument.Parse(posted).RootElement.GetProperty("id").GetString()!;

        await Eventually.TrueAsync(async () => await _net.StateAsync(id) == "active", Wait);

        var active = await _net.GetLightpathAsync(id);
        Assert.Equal("1+1", active.GetProperty("protection").GetString());
        var working = Strings(active.GetProperty("working").GetProperty("links"));
        var protection = Strings(active.GetProperty("protectionLeg").GetProperty("links"));
        var shared = working.Intersect(protection).Where(l => l is not ("CERN-FDT" or "CIT-FDT")).ToList();
        Assert.True(shared.Count == 0, "legs share " + string.Join(", ", shared));
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
