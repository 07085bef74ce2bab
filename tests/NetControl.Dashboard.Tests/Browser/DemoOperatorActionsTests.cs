using System.Net.Http.Json;
using System.Text.Json;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Browser;

/// <summary>An operator works the demo from the page alone: request a lightpath, cut and repair a fibre of its path, release it.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoOperatorActionsTests(DemoFixture fixture)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PageButtons_RequestCutRepairRelease_EachShowsOnTheMap()
    {
        var page = await Chromium.NewPageAsync(fixture.Browser);
        await page.GotoAsync(fixture.Demo.DashboardUrl);
        var first = await DrawnState.WaitAsync(page, s => s.Connected && s.TreeEdges > 0 && s.Events > 0, Limit, "connected, overlay tree and event log drawn");
        var known = first.Circuits.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        await page.SelectOptionAsync("#req-from", "cern-fdt");
        await page.SelectOptionAsync("#req-to", "caltech-fdt");
        await page.ClickAsync("#request-form button[type=submit]");
        var active = await DrawnState.WaitAsync(
            page, s => s.Circuits.Any(c => !known.Contains(c.Id) && c.State == "active") && s.HighlightedPath.Count > 0, Limit, "the requested lightpath active and drawn");
        string id = active.Circuits.Single(c => !known.Contains(c.Id) && c.State == "active").Id;
        string cut = active.HighlightedPath.First(l => l.Contains('-', StringComparison.Ordinal) && !l.EndsWith("FDT", StringComparison.Ordinal));

        try
        {
            await page.EvaluateAsync("id => window.netcontrolDashboard.selectLink(id)", cut);
            await page.ClickAsync("#cut");
            await DrawnState.WaitAsync(page, s => s.Links.Any(l => l.Id == cut && l.Color == DrawnState.DownColor), Limit, $"{cut} red after the page's cut");
            await DrawnState.WaitAsync(page, s => s.HighlightedPath.Count > 0 && !s.HighlightedPath.Contains(cut), Limit, $"{id} drawn off {cut}");
        }
        finally
        {
            await page.EvaluateAsync("id => window.netcontrolDashboard.selectLink(id)", cut);
            await page.ClickAsync("#repair");
        }

        await DrawnState.WaitAsync(page, s => s.Links.Any(l => l.Id == cut && l.Color != DrawnState.DownColor), Limit, $"{cut} no longer red after the page's repair");

        await page.EvaluateAsync("id => window.netcontrolDashboard.select(id)", id);
        await page.ClickAsync("#release");
        var released = await DrawnState.WaitAsync(page, s => s.Circuits.Any(c => c.Id == id && c.State == "released"), Limit, $"{id} released");
        var view = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/lightpaths/{id}");

        Assert.Equal("released", view.GetProperty("state").GetString());
        Assert.Contains(released.Circuits, c => c.Id == id);
        await page.CloseAsync();
    }
}
