using System.Net;
using NetControl.Controller.Devices;
using NetControl.Controller.Hosting;
using NetControl.Controller.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.Devices;

/// <summary>linkDown traps of the simulated switches' SNMP agents reach the sink as port status with the port's name.</summary>
public sealed class SnmpTrapBridgeTests
{
    [Fact]
    public async Task LinkDown_HostFibreCut_SinkGetsPortWithoutLight()
    {
        int trapPort = FreePort.Udp();
        await using var simulator = await OpticalSimulator.StartAsync(ApiHarness.UsLhcNet, snmp: new SnmpAgentOptions
        {
            TrapTargets = [new SnmpTrapTarget("127.0.0.1", trapPort)],
            LinkPollInterval = TimeSpan.FromMilliseconds(50),
        });
        var gva = simulator.Endpoints.Single(e => e.Name == "GVA-GG");
        await using var connection = DeviceTestConnections.Create("GVA-GG", new ScriptedAlarmDevice("GVA-GG", 0), new SnmpEndpoint { Port = gva.SnmpPort!.Value });
        var sink = new RecordingSink();

        await using var bridge = await SnmpTrapBridge.StartAsync([connection], new IPEndPoint(IPAddress.Loopback, trapPort), sink, NullLoggerFactory.Instance, TimeProvider.System, default);
        simulator.Network.Faults.CutLink("CERN-FDT");

        await Eventually.TrueAsync(() => sink.PortChanges.Any(c => c.Port == "10001" && !c.HasLight));
        var change = sink.PortChanges.First(c => c.Port == "10001");
        Assert.Equal("GVA-GG", change.Device);
        Assert.Contains("linkDown", change.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkDown_AgentSilentAtStart_PortNameReadWhenTheTrapArrives()
    {
        // The bridge starts while GVA-GG's agent is not there, so its interface walk fails; the agent comes up later.
        int trapPort = FreePort.Udp();
        int gvaSnmpPort = FreePort.Udp();
        int gvaIndex = ApiHarness.UsLhcNet.Nodes.Where(n => n.Kind == NetControl.Core.Topology.NodeKind.OpticalSwitch).ToList().FindIndex(n => n.Id == "GVA-GG");
        await using var connection = DeviceTestConnections.Create("GVA-GG", new ScriptedAlarmDevice("GVA-GG", 0), new SnmpEndpoint { Port = gvaSnmpPort });
        var sink = new RecordingSink();
        await using var bridge = await SnmpTrapBridge.StartAsync([connection], new IPEndPoint(IPAddress.Loopback, trapPort), sink, NullLoggerFactory.Instance, TimeProvider.System, default);

        await using var simulator = await OpticalSimulator.StartAsync(ApiHarness.UsLhcNet, snmp: new SnmpAgentOptions
        {
            BasePort = gvaSnmpPort - gvaIndex,
            TrapTargets = [new SnmpTrapTarget("127.0.0.1", trapPort)],
            LinkPollInterval = TimeSpan.FromMilliseconds(50),
        });
        Assert.Equal(gvaSnmpPort, simulator.Endpoints.Single(e => e.Name == "GVA-GG").SnmpPort);
        simulator.Network.Faults.CutLink("CERN-FDT");

        await Eventually.TrueAsync(() => sink.PortChanges.Any(c => c.Device == "GVA-GG" && c.Port == "10001" && !c.HasLight));
    }
}
