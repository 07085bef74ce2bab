using System.Net;
using System.Text.Json;
using NetControl.Controller.Telemetry;
using NetControl.Core.Telemetry;
using NetControl.Formats;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Persistence.Telemetry;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// Probe summaries from an agent, over the controller's embedded MQTT broker, into link state: a managed link probed
/// down has its lightpath restored, a reflector link probed down moves the overlay tree, everything is readable
/// through the API, and the roll-ups are in SQLite when the controller stops.
/// </summary>
public sealed class TelemetryEndToEndTests : IAsyncLifetime
{
    private const string Agent = "gva-agent";
    private const string AgentSecret = "gva-agent-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"netcontrol-telemetry-{Guid.NewGuid():N}");
    private SimulatedController _net = null!;
    private AgentPublisher _agent = null!;
    private long _interval;

    private string RollupPath => Path.Combine(_dir, "telemetry.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var telemetry = new TelemetryOptions
        {
            BrokerPort = 0,
            AgentSecrets = new Dictionary<string, string> { [Agent] = AgentSecret },
            ControllerSecret = "controller-secret",
            RollupDatabasePath = RollupPath,
            Overlay = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "evo-reflectors.yaml")),
        };
        _net = await SimulatedController.StartAsync(telemetry: telemetry);
        _agent = new AgentPublisher(new AgentPublisherOptions
        {
            Broker = new BrokerConnectionOptions { Port = _net.Host.Telemetry!.BrokerPort, UserName = Agent, Secret = AgentSecret },
            StoreAndForward = new StoreAndForwardOptions { Directory = Path.Combine(_dir, "journal"), FsyncEachAppend = false },
        });
        _agent.Start();
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _net.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Probes_ManagedAndReflectorLinksDown_LightpathRestoredOverlayMovedApiAndRollupsShowIt()
    {
        using var post = await _net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{ "from": "cern-fdt", "to": "caltech-fdt", "protection": "restorable" }""");
        string id = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => await _net.StateAsync(id) == "active", Wait);
        var links = (await _net.GetLightpathAsync(id)).GetProperty("working").GetProperty("links").EnumerateArray().Select(l => l.GetString()!).ToList();
        string trunk = links.First(l => l is not ("CERN-FDT" or "CIT-FDT" or "CHI-CIT-I2"));

        // Two clean intervals, then two with everything lost: the probe alarm declares the link down.
        await PublishAsync(trunk, loss: 0, rttMs: 80);
        await PublishAsync(trunk, loss: 0, rttMs: 80);
        await PublishAsync(trunk, loss: 1, rttMs: null);
        await PublishAsync(trunk, loss: 1, rttMs: null);

        await Eventually.TrueAsync(async () =>
        {
            var lp = await _net.GetLightpathAsync(id);
            return lp.GetProperty("state").GetString() == "active"
                && !lp.GetProperty("working").GetProperty("links").EnumerateArray().Any(l => l.GetString() == trunk);
        }, Wait);
        var state = await GetAsync("/api/v1/links");
        var linkState = state.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetString() == trunk);
        Assert.Equal("down", linkState.GetProperty("condition").GetString());
        Assert.StartsWith("probes: loss 100.0%", linkState.GetProperty("cause").GetString(), StringComparison.Ordinal);
        var quality = await GetAsync($"/api/v1/telemetry/links/{trunk}");
        Assert.Equal("down", quality.GetProperty("condition").GetString());
        Assert.Equal(0, quality.GetProperty("quality").GetDouble());
        Assert.Equal(4, (await GetAsync($"/api/v1/telemetry/links/{trunk}/history")).GetProperty("items").GetArrayLength());
        var agent = (await GetAsync("/api/v1/telemetry/agents")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(Agent, agent.GetProperty("id").GetString());
        Assert.True(agent.GetProperty("up").GetBoolean());

        // A reflector link of the installed overlay tree loses everything: the tree moves off it at once.
        var before = await GetAsync("/api/v1/overlay");
        string treeLink = before.GetProperty("edges")[0].GetProperty("link").GetString()!;
        await PublishAsync(treeLink, loss: 1, rttMs: null);
        JsonElement after = default;
        await Eventually.TrueAsync(async () =>
        {
            after = await GetAsync("/api/v1/overlay");
            return after.GetProperty("version").GetInt64() > before.GetProperty("version").GetInt64();
        }, Wait);
        Assert.DoesNotContain(after.GetProperty("edges").EnumerateArray(), e => e.GetProperty("link").GetString() == treeLink);
        Assert.Equal(23, after.GetProperty("edges").GetArrayLength());
        Assert.Contains(treeLink, after.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var move = (await GetAsync("/api/v1/overlay/changes")).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(after.GetProperty("version").GetInt64(), move.GetProperty("version").GetInt64());
        Assert.Contains(move.GetProperty("removed").EnumerateArray(), e => e.GetProperty("link").GetString() == treeLink);
        Assert.NotEqual(0, move.GetProperty("added").GetArrayLength());

        // Bad query input is a problem, not a crash.
        using var bad = await _net.SendAsync(HttpMethod.Get, $"/api/v1/telemetry/links/{trunk}/rollups?resolution=week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // Stopping writes what the roll-ups hold.
        await _agent.DisposeAsync();
        await _net.DisposeAsync();
        await using var store = await SqliteTelemetryRollupStore.OpenAsync(RollupPath);
        var minutes = await store.ReadAsync(trunk, RollupResolution.Minute, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        Assert.Equal(4, minutes.Sum(m => m.Samples));
        Assert.Equal(400, minutes.Sum(m => m.Sent));
        Assert.Equal(200, minutes.Sum(m => m.Lost));
    }

    private async Task PublishAsync(string link, double loss, double? rttMs)
    {
        long n = Interlocked.Increment(ref _interval);
        _agent.Enqueue(new ProbeSummary
        {
            AgentId = Agent,
            TargetId = $"reflector-of-{link}",
            LinkId = link,
            IntervalStart = DateTimeOffset.UtcNow.AddSeconds(-20 + n),
            IntervalUs = 1_000_000,
            Sent = 100,
            Received = (long)(100 * (1 - loss)),
            Lost = (long)(100 * loss),
            LossRatio = loss,
            RttMedianUs = rttMs is { } r ? (long)(r * 1000) : null,
            JitterUs = rttMs is null ? null : 200,
            Clock = ProbeClock.Kernel,
        });
        await _agent.FlushAsync(new CancellationTokenSource(Wait).Token);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _net.SendAsync(HttpMethod.Get, path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
