using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Simulators.Optical.Server;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>With a database path the controller keeps its lightpaths across a restart (SQLite store, same switches).</summary>
public sealed class RestartEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "netctl-controller-" + Guid.NewGuid().ToString("N"));
    private OpticalSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _simulator = await OpticalSimulator.StartAsync(ApiHarness.UsLhcNet);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Restart_WithDatabase_ActiveLightpathSurvivesAndReleases()
    {
        string database = Path.Combine(_directory, "controller.db");
        string id;
        List<string> links;
        await using (var first = await SimulatedController.StartAsync(databasePath: database, simulator: _simulator))
        {
            using var post = await first.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "caltech-fdt" }""");
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            id = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            await Eventually.TrueAsync(async () => await first.StateAsync(id) == "active", Wait);
            links = Links(await first.GetLightpathAsync(id));
        }

        Assert.True(File.Exists(database));
        await using var second = await SimulatedController.StartAsync(databasePath: database, simulator: _simulator);

        var after = await second.GetLightpathAsync(id);
        Assert.Equal("active", after.GetProperty("state").GetString());
        Assert.Equal(links, Links(after));
        Assert.NotEmpty(await second.ReadCrossConnectsAsync("CIT-PXC"));

        using var delete = await second.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await Eventually.TrueAsync(async () => await second.StateAsync(id) == "released", Wait);
        foreach (var sw in _simulator.Endpoints)
        {
            Assert.Empty(await second.ReadCrossConnectsAsync(sw.Name));
        }
    }

    private static List<string> Links(JsonElement lightpath) =>
        [.. lightpath.GetProperty("working").GetProperty("links").EnumerateArray().Select(l => l.GetString()!)];
}
