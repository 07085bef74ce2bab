using System.Net;
using System.Text.Json;
using NetControl.Controller.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// The controller with an SNMP trap receiver and the switches' SNMP agents (Glimmerglass power polling slowed to an
/// hour, so only a trap can tell): a cut host fibre shows as a down link.
/// </summary>
public sealed class SnmpTrapEndToEndTests
{
    [Fact]
    public async Task Links_SnmpLinkDownOnHostFibre_ShowsTheLinkDown()
    {
        await using var net = await SimulatedController.StartAsync(snmpTrapPort: FreePort.Udp());

        // Only a fibre that carries a lightpath is expected to have light: darkness elsewhere proves nothing.
        var lp = await net.Host.Service.RequestAsync(new NetControl.Orchestration.Lightpaths.LightpathRequest { From = "cern-fdt", To = "caltech-fdt" }, "test");
        await Eventually.TrueAsync(() => net.Host.Service.Get(lp.Id).State == NetControl.Core.Lightpaths.LightpathState.Active, TimeSpan.FromSeconds(30));
        net.Simulator.Network.Faults.CutLink("CERN-FDT");

        await Eventually.TrueAsync(async () => (await LinkAsync(net, "CERN-FDT")).GetProperty("condition").GetString() == "down", TimeSpan.FromSeconds(30));
        Assert.Contains("SNMP linkDown from GVA-GG port 10001", (await LinkAsync(net, "CERN-FDT")).GetProperty("cause").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> LinkAsync(SimulatedController net, string link)
    {
        using var response = await net.SendAsync(HttpMethod.Get, "/api/v1/links");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items");
        return items.EnumerateArray().Single(l => l.GetProperty("id").GetString() == link).Clone();
    }
}
