using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NetControl.Controller.Dashboard;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Hub;

public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task Get_PagePath_RedirectsToThePageServedLocally()
    {
        await using var harness = await HubHarness.StartAsync();

        using var response = await harness.Http.GetAsync("/dashboard");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/dashboard/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<canvas id=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("vendor/signalr.min.js", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vendor/signalr.min.js")]
    [InlineData("vendor/land-110m.json")]
    [InlineData("js/app.js")]
    [InlineData("js/map.js")]
    [InlineData("dashboard.css")]
    public async Task Get_Asset_IsServedWithoutToken(string asset)
    {
        await using var harness = await HubHarness.StartAsync();

        using var response = await harness.Http.GetAsync("/dashboard/" + asset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task PageSources_LoadNothingFromAnotherHost()
    {
        await using var harness = await HubHarness.StartAsync();
        string[] files = ["", "js/app.js", "js/map.js", "js/charts.js", "js/tree.js", "js/topojson.js", "dashboard.css"];

        foreach (string file in files)
        {
            string text = await harness.Http.GetStringAsync("/dashboard/" + file);
            Assert.DoesNotMatch(ExternalReference(), text);
        }
    }

    [Fact]
    public async Task PostFaultCut_OperatorToken_CutsThroughTheInjector()
    {
        var faults = new RecordingInjector();
        await using var harness = await HubHarness.StartAsync(faults: faults);

        using var response = await Send(harness, "/dashboard/faults/links/CHI-GVA-QWEST/cut", HubHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([("CHI-GVA-QWEST", false)], faults.Calls);
        Assert.Empty(harness.Service.Repaired);
    }

    [Fact]
    public async Task PostFaultRepair_AdminToken_RepairsAndReportsTheLinkRepaired()
    {
        var faults = new RecordingInjector();
        await using var harness = await HubHarness.StartAsync(faults: faults);

        using var operatorTry = await Send(harness, "/dashboard/faults/links/CHI-GVA-QWEST/repair", HubHarness.OperatorToken);
        using var response = await Send(harness, "/dashboard/faults/links/CHI-GVA-QWEST/repair", HubHarness.AdminToken);

        Assert.Equal(HttpStatusCode.Forbidden, operatorTry.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([("CHI-GVA-QWEST", true)], faults.Calls);
        var (link, cause) = Assert.Single(harness.Service.Repaired);
        Assert.Equal("CHI-GVA-QWEST", link);
        Assert.Contains("ada", cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostFault_UnknownLink_Is404BeforeTouchingTheSimulator()
    {
        var faults = new RecordingInjector();
        await using var harness = await HubHarness.StartAsync(faults: faults);

        using var response = await Send(harness, "/dashboard/faults/links/NO-SUCH-LINK/cut", HubHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(faults.Calls);
    }

    [Fact]
    public async Task PostFault_ViewerToken_IsForbidden()
    {
        var faults = new RecordingInjector();
        await using var harness = await HubHarness.StartAsync(faults: faults);

        using var response = await Send(harness, "/dashboard/faults/links/CHI-GVA-QWEST/cut", HubHarness.ViewerToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(faults.Calls);
    }

    [Fact]
    public async Task PostFault_NoInjectorConfigured_IsNotARoute()
    {
        await using var harness = await HubHarness.StartAsync();

        using var response = await Send(harness, "/dashboard/faults/links/CHI-GVA-QWEST/cut", HubHarness.OperatorToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HubHarness harness, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return harness.Http.SendAsync(request);
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//|import\s+[^;]*from\s+['""](https?:)?//|fetch\(\s*['""]https?://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    private sealed class RecordingInjector : IFibreFaultInjector
    {
        private readonly ConcurrentQueue<(string, bool)> _calls = new();

        public IReadOnlyList<(string Link, bool Repair)> Calls => [.. _calls];

        public Task InjectAsync(string linkId, bool repair, CancellationToken cancellationToken)
        {
            _calls.Enqueue((linkId, repair));
            return Task.CompletedTask;
        }
    }
}
