using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetControl.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Dashboard.Tests.Browser;

[Collection(DemoCollection.Name)]
public sealed class DemoDashboardTests(DemoFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Open_DemoNetwork_DrawsEveryNodeAndLink()
    {
        var topology = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/topology");
        string[] nodes = [.. topology.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
        string[] links = [.. topology.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("id").GetString()!)];
        var page = await Chromium.NewPageAsync(fixture.Browser);

        await page.GotoAsync(fixture.Demo.DashboardUrl);
        var drawn = await DrawnState.WaitAsync(page, s => s.Connected && s.Nodes.Count > 0, Load, "the demo network drawn");
        await page.ScreenshotAsync(new() { Path = Chromium.ArtifactPath("dashboard-demo.png") });

        Assert.Equal(nodes.Order(StringComparer.Ordinal), drawn.Nodes.Order(StringComparer.Ordinal));
        Assert.Equal(links.Order(StringComparer.Ordinal), drawn.Links.Select(l => l.Id).Order(StringComparer.Ordinal));
        Assert.Equal(nodes.Length, drawn.VisibleNodes);
        Assert.True(drawn.FaultInjection);
        await page.CloseAsync();
    }

    [Fact]
    public async Task SelectLink_ProbedReflectorLink_ChartsItsSamplesAndDrawsTheTree()
    {
        var telemetry = await DrawnTelemetryLinkAsync();
        var page = await Chromium.NewPageAsync(fixture.Browser);
        await page.GotoAsync(fixture.Demo.DashboardUrl);
        await DrawnState.WaitAsync(page, s => s.Connected, Load, "connected");

        await page.EvaluateAsync("id => window.netcontrolDashboard.selectLink(id)", telemetry);
        var charted = await DrawnState.WaitAsync(page, s => s.ChartLink == telemetry && s.ChartPoints >= 3 && s.TreeEdges > 0, Load, $"samples of {telemetry} charted");
        await page.Locator("#charts").ScreenshotAsync(new() { Path = Chromium.ArtifactPath("dashboard-charts.png") });

        Assert.Equal(23, charted.TreeEdges);
        await page.CloseAsync();
    }

    [Fact]
    public async Task FilterForm_SiteCern_OnlyLinksTouchingCernKeepTheirState()
    {
        var topology = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/topology");
        var siteOf = topology.GetProperty("nodes").EnumerateArray().ToDictionary(
            n => n.GetProperty("id").GetString()!,
            n => n.GetProperty("site").GetString() ?? n.GetProperty("id").GetString()!);
        static string Node(JsonElement link, string end) => link.GetProperty(end).GetString()!.Split(':')[0];
        var atCern = topology.GetProperty("links").EnumerateArray()
            .Where(l => siteOf[Node(l, "a")] == "CERN" || siteOf[Node(l, "b")] == "CERN")
            .Select(l => l.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var page = await Chromium.NewPageAsync(fixture.Browser);
        await page.GotoAsync(fixture.Demo.DashboardUrl);
        var all = await DrawnState.WaitAsync(page, s => s.Connected && s.Links.Count > 0, Load, "connected");
        string unknown = await page.EvaluateAsync<string>("() => window.netcontrolDashboard.colors.unknown");

        await page.FillAsync("#filter-sites", "CERN");
        await page.ClickAsync("#filter-form button[type=submit]");
        var filtered = await DrawnState.WaitAsync(page, s => s.Links.Any(l => l.Color == unknown), Load, "links outside CERN drawn without state");

        Assert.NotEmpty(atCern);
        Assert.DoesNotContain(all.Links, l => l.Color == unknown);
        Assert.All(filtered.Links, l => Assert.Equal(!atCern.Contains(l.Id), l.Color == unknown));
        await page.CloseAsync();
    }

    private async Task<string> DrawnTelemetryLinkAsync()
    {
        var deadline = DateTime.UtcNow + Load;
        while (DateTime.UtcNow < deadline)
        {
            var links = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/telemetry/links");
            var first = links.GetProperty("items").EnumerateArray().FirstOrDefault();
            if (first.ValueKind == JsonValueKind.Object)
            {
                return first.GetProperty("link").GetString()!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no reflector link measured by the demo's probes");
    }

    [Fact]
    public async Task SimulatorCut_OnTheSelectedCircuitsPath_LinkTurnsRedAndDrawnPathChangesWithin2s()
    {
        var topology = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/topology");
        var switches = topology.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "optical-switch")
            .Select(n => n.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var page = await Chromium.NewPageAsync(fixture.Browser);
        await page.GotoAsync(fixture.Demo.DashboardUrl);
        await DrawnState.WaitAsync(page, s => s.Connected, Load, "connected");

        using var created = await fixture.Api.PostAsJsonAsync("/api/v1/lightpaths", new { from = "cern-fdt", to = "caltech-fdt", protection = "restorable", description = "browser test" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        string id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await page.EvaluateAsync("id => window.netcontrolDashboard.select(id)", id);
        var active = await DrawnState.WaitAsync(
            page,
            s => s.Circuits.Any(c => c.Id == id && c.State == "active") && s.HighlightedPath.Count > 0,
            TimeSpan.FromSeconds(120),
            $"lightpath {id} active and its path highlighted");
        string cut = active.HighlightedPath.First(l => LinkBetweenSwitches(topology, l, switches));
        var before = active.HighlightedPath.ToHashSet(StringComparer.Ordinal);

        string? screenshot = null;
        try
        {
            var clock = Stopwatch.StartNew();
            using (var response = await fixture.Simulator.PostAsync($"links/{cut}/cut", null))
            {
                response.EnsureSuccessStatusCode();
            }

            var controller = ControllerTimesAsync(cut, id, clock);

            var known = await DrawnState.WaitAsync(page, s => s.DownLinks.Contains(cut), TimeSpan.FromSeconds(30), $"{cut} down in the model");
            output.WriteLine($"model down after {clock.Elapsed.TotalMilliseconds:0} ms, batches {known.Batches}, frame {known.Frame}");
            var red = await DrawnState.WaitAsync(page, s => s.Links.Any(l => l.Id == cut && l.Color == DrawnState.DownColor), TimeSpan.FromSeconds(30), $"{cut} red");
            double redMs = clock.Elapsed.TotalMilliseconds;
            var moved = await DrawnState.WaitAsync(
                page,
                s => s.HighlightedPath.Count > 0 && !s.HighlightedPath.Contains(cut) && !s.HighlightedPath.ToHashSet(StringComparer.Ordinal).SetEquals(before),
                TimeSpan.FromSeconds(30),
                $"the drawn path of {id} off {cut}");
            double movedMs = clock.Elapsed.TotalMilliseconds;
            var (downMs, restoredMs) = await controller;
            output.WriteLine($"red after {redMs:0} ms, path moved after {movedMs:0} ms (frame {moved.Frame}); the controller's REST API said down after {downMs:0} ms, restored after {restoredMs:0} ms");
            screenshot = Chromium.ArtifactPath("dashboard-after-cut.png");
            await page.ScreenshotAsync(new() { Path = screenshot });

            // The whole chain from the cut (the switches' alarm or the next power poll, restoration, the dashboard's
            // 100 ms batches, the browser's frame) within 2 s; the controller's share is printed above.
            Assert.True(redMs <= 2000, $"{cut} turned red {redMs:0} ms after the cut, {redMs - downMs:0} ms after the controller reported it down");
            Assert.True(movedMs <= 2000, $"the drawn path moved {movedMs:0} ms after the cut, {movedMs - restoredMs:0} ms after the controller restored it");
            Assert.Equal(DrawnState.DownColor, moved.Links.Single(l => l.Id == cut).Color);
            Assert.All(moved.HighlightedPath, l => Assert.Contains(l, moved.Circuits.Single(c => c.Id == id).Links));
            Assert.True(new FileInfo(screenshot).Length > 10_000);
            Assert.NotNull(red);
        }
        finally
        {
            using var repair = await fixture.Simulator.PostAsync($"links/{cut}/repair", null);
            using var repaired = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/links/{cut}/repaired");
            repaired.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.Demo.AdminToken);
            using var reported = await fixture.Api.SendAsync(repaired);
            using var release = await fixture.Api.DeleteAsync($"/api/v1/lightpaths/{id}");
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// When the controller's own API first reports the link down and the lightpath active off it (polled every 10 ms,
    /// to tell the controller's alarm and restoration time from the dashboard's).
    /// </summary>
    private async Task<(double Down, double Restored)> ControllerTimesAsync(string link, string id, Stopwatch clock)
    {
        double? down = null, restored = null;
        while ((down is null || restored is null) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var links = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/links");
            if (down is null && links.GetProperty("items").EnumerateArray().Any(l => l.GetProperty("id").GetString() == link && l.GetProperty("condition").GetString() == "down"))
            {
                down = clock.Elapsed.TotalMilliseconds;
            }

            var view = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/lightpaths/{id}");
            if (restored is null && view.GetProperty("state").GetString() == "active"
                && !view.GetProperty("working").GetProperty("links").EnumerateArray().Any(l => l.GetString() == link))
            {
                restored = clock.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(10);
        }

        return (down ?? throw new TimeoutException($"the controller never reported {link} down"), restored ?? throw new TimeoutException($"the controller never restored {id} off {link}"));
    }

    private static bool LinkBetweenSwitches(JsonElement topology, string linkId, HashSet<string> switches)
    {
        var link = topology.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("id").GetString() == linkId);
        static string Node(string end) => end.Split(':')[0];
        return switches.Contains(Node(link.GetProperty("a").GetString()!)) && switches.Contains(Node(link.GetProperty("b").GetString()!));
    }
}
