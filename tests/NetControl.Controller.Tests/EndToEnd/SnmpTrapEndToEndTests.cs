using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
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
        await using var net = await SimulatedController.StartAsync(snmpTrapPort: FreeUdpPort());

        // Only a fibre that carries a lightpath is expected to have light: darkness elsewhere proves nothing.
        var lp = await net.Host.Service.RequestAsync(new NetControl.Orchestration.Lightpaths.LightpathRequest { From = "cern-fdt", To = "caltech-fdt" }, "test");
        await Eventually.TrueAsync(() => net.Host.Service.Get(lp.Id).State == NetControl.Core.Lightpaths.LightpathState.Active, TimeSpan.FromSeconds(30));
        net.Simulator.Network.Faults.CutLink("CERN-FDT");

        await Eventually.TrueAsync(() => Link(net, "CERN-FDT").GetProperty("condition").GetString() == "down", TimeSpan.FromSeconds(30));
        Assert.Contains("SNMP linkDown from GVA-GG port 10001", Link(net, "CERN-FDT").GetProperty("cause").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement Link(SimulatedController net, string link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/links");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SimulatedController.OperatorToken);
        using var response = net.Http.Send(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = response.Content.ReadAsStream();
        var items = JsonDocument.Parse(stream).RootElement.GetProperty("items");
        return items.EnumerateArray().Single(l => l.GetProperty("id").GetString() == link).Clone();
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
