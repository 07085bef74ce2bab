using System.Diagnostics;
using Microsoft.Playwright;
using NetControl.Core.LinkState;
using NetControl.Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Dashboard.Tests.Browser;

/// <summary>The 754-node Topology Zoo KDL network in chromium: every node and link drawn, pan and zoom without freezing.</summary>
public sealed class KdlDashboardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private HubHarness _harness = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _harness = await HubHarness.StartAsync(TestTopologies.Kdl());
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task PanZoomAndMassCut_KdlTopology_DrawsEverythingAndStaysResponsive()
    {
        var topology = _harness.Service.Topology;
        var page = await Chromium.NewPageAsync(_browser);
        await page.GotoAsync($"{_harness.Host.Address.ToString().TrimEnd('/')}/dashboard/#token={HubHarness.ViewerToken}");
        var drawn = await DrawnState.WaitAsync(page, s => s.Connected && s.Nodes.Count > 0, TimeSpan.FromSeconds(90), "KDL drawn");

        Assert.Equal(754, topology.Nodes.Length);
        Assert.Equal(topology.Nodes.Length, drawn.Nodes.Count);
        Assert.Equal(topology.Nodes.Length, drawn.VisibleNodes);
        Assert.Equal(topology.Links.Length, drawn.Links.Count);

        var slowest = TimeSpan.Zero;
        double slowestDraw = 0;
        for (int step = 0; step < 20; step++)
        {
            int frame = (await DrawnState.ReadAsync(page)).Frame;
            var clock = Stopwatch.StartNew();
            await page.EvaluateAsync(step < 10 ? "() => window.netcontrolDashboard.zoom(1.3)" : "() => window.netcontrolDashboard.pan(-40, 25)");
            var after = await DrawnState.WaitAsync(page, s => s.Frame > frame, TimeSpan.FromSeconds(30), "a new frame after zoom or pan");
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            slowestDraw = Math.Max(slowestDraw, after.DrawMs ?? 0);
            output.WriteLine($"step {step}: {clock.Elapsed.TotalMilliseconds:0} ms, frame {after.DrawMs:0.0} ms, scale {after.Scale:0.#}, {after.VisibleNodes} nodes in view");
        }

        var zoomed = await DrawnState.ReadAsync(page);
        await page.Mouse.MoveAsync(700, 450);
        await page.Mouse.WheelAsync(0, -300);
        await page.ScreenshotAsync(new() { Path = Chromium.ArtifactPath("dashboard-kdl-zoomed.png") });

        var now = DateTimeOffset.UtcNow;
        var cut = topology.Links.Take(100).Select(l => l.Id).ToArray();
        var state = _harness.Service.LinkState;
        foreach (string id in cut)
        {
            state = state.With(id, LinkCondition.Down, "mass cut", now);
        }

        var clockCut = Stopwatch.StartNew();
        _harness.Service.LinkState = state;
        var red = await DrawnState.WaitAsync(
            page,
            s => cut.All(id => s.Links.Any(l => l.Id == id && l.Color == DrawnState.DownColor)),
            TimeSpan.FromSeconds(30),
            "100 KDL links red");
        output.WriteLine($"slowest zoom/pan step {slowest.TotalMilliseconds:0} ms, slowest frame {slowestDraw:0.0} ms, 100 cuts drawn red after {clockCut.Elapsed.TotalMilliseconds:0} ms");

        Assert.True(zoomed.Scale > drawn.Scale * 10, $"zoomed from {drawn.Scale} to {zoomed.Scale}");
        Assert.True(zoomed.VisibleNodes < drawn.VisibleNodes, "zooming in leaves nodes outside the view");
        Assert.True(slowestDraw < 500, $"slowest frame {slowestDraw:0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"slowest zoom or pan step {slowest.TotalMilliseconds:0} ms");
        Assert.Equal(topology.Links.Length, red.Links.Count);
        await page.CloseAsync();
    }
}
