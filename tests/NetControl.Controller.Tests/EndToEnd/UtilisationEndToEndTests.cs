using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Lightpaths;
using NetControl.Orchestration.Lightpaths;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// Measured link utilisation end to end: the optical simulator's SNMP agents (counting only light that crosses a
/// switch, at half the 10 Gb/s line rate) polled by the controller over UDP loopback every 250 ms, read back through
/// GET /api/v1/links/utilisation.
/// </summary>
public sealed class UtilisationEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LinksUtilisation_LitLightpath_ItsLinksCarryHalfTheirCapacityAndAnUnusedLinkNothing()
    {
        await using var simulator = await OpticalSimulator.StartAsync(ApiHarness.UsLhcNet, snmp: new SnmpAgentOptions { CountThroughTrafficOnly = true });
        await using var net = await SimulatedController.StartAsync(simulator: simulator, utilisationPollInterval: TimeSpan.FromMilliseconds(250));

        // Before any lightpath the host fibre is lit by the host's transmitter but carries nothing through the switch.
        await Eventually.TrueAsync(async () => (await UtilisationAsync(net)).ContainsKey("CERN-FDT"), Wait);
        Assert.Equal(0, (await UtilisationAsync(net))["CERN-FDT"].GetProperty("percent").GetDouble());

        var lp = await net.Host.Service.RequestAsync(new LightpathRequest { From = "cern-fdt", To = "caltech-fdt" }, "test");
        await Eventually.TrueAsync(() => net.Host.Service.Get(lp.Id).State == LightpathState.Active, Wait);
        var path = net.Host.Service.Get(lp.Id).Working!.Links;
        string unused = ApiHarness.UsLhcNet.Links.Select(l => l.Id).First(id => !path.Contains(id) && !id.EndsWith("-FDT", StringComparison.Ordinal));

        // Once a whole poll interval has passed with the light on, every link of the path reads both directions at
        // about 5 Gb/s of 10 (the interval is the poller's clock between two walks: a few ms of jitter in 250).
        Dictionary<string, JsonElement> measured = [];
        await Eventually.TrueAsync(async () => (measured = await UtilisationAsync(net)) is var all && path.All(id => all.TryGetValue(id, out var u) && OnHalf(u)), Wait);
        foreach (string id in path)
        {
            var u = measured[id];
            Assert.Equal(10e9, u.GetProperty("capacityBps").GetDouble());
            Assert.InRange(u.GetProperty("percent").GetDouble(), 40, 60);
            Assert.Equal("snmp", u.GetProperty("source").GetString());
        }

        var idle = measured[unused];
        Assert.Equal(0, idle.GetProperty("percent").GetDouble());
        Assert.Equal(0, idle.GetProperty("aToBBps").GetDouble());
        Assert.Equal(0, idle.GetProperty("bToABps").GetDouble());

        using var one = await net.SendAsync(HttpMethod.Get, $"/api/v1/links/{path[0]}/utilisation");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(path[0], JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("link").GetString());
    }

    [Fact]
    public async Task LinkUtilisation_UnknownLink_404()
    {
        await using var api = await ApiHarness.StartAsync();

        using var unknown = await api.SendAsync(HttpMethod.Get, "/api/v1/links/NO-SUCH-LINK/utilisation", ApiHarness.ViewerToken);
        using var unmeasured = await api.SendAsync(HttpMethod.Get, "/api/v1/links/AMS-GVA-GEANT/utilisation", ApiHarness.ViewerToken);
        using var all = await api.SendAsync(HttpMethod.Get, "/api/v1/links/utilisation", ApiHarness.ViewerToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unmeasured.StatusCode);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
    }

    private static bool OnHalf(JsonElement u) =>
        u.GetProperty("aToBBps").GetDouble() is >= 4e9 and <= 6e9 && u.GetProperty("bToABps").GetDouble() is >= 4e9 and <= 6e9;

    private static async Task<Dictionary<string, JsonElement>> UtilisationAsync(SimulatedController net)
    {
        using var response = await net.SendAsync(HttpMethod.Get, "/api/v1/links/utilisation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        return items.EnumerateArray().ToDictionary(u => u.GetProperty("link").GetString()!, u => u.Clone(), StringComparer.Ordinal);
    }
}
