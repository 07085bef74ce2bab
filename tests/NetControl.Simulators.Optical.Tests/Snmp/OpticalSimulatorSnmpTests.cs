using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class OpticalSimulatorSnmpTests
{
    [Fact]
    public async Task StartAsync_WithSnmp_GivesEverySwitchAnAgentThatNamesIt()
    {
        await using var simulator = await OpticalSimulator.StartAsync(Networks.Lab, timeProvider: new ManualTimeProvider(), snmp: new SnmpAgentOptions());
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.Equal(simulator.Network.Switches.Count, simulator.SnmpAgents.Count);
        Assert.Equal(simulator.Endpoints.Count, simulator.Endpoints.Select(e => e.SnmpPort).Distinct().Count());
        foreach (var endpoint in simulator.Endpoints)
        {
            var get = SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]);
            await client.SendAsync(SnmpCodec.Encode(new SnmpV2cMessage("public", get)), new IPEndPoint(IPAddress.Loopback, endpoint.SnmpPort!.Value));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var reply = SnmpCodec.DecodeV2c((await client.ReceiveAsync(timeout.Token)).Buffer);
            Assert.Equal(SnmpValue.OctetString(endpoint.Name), Assert.Single(reply.Pdu.VarBinds).Value);
        }
    }

    [Fact]
    public async Task StartAsync_WithoutSnmp_HasNoSnmpPorts()
    {
        await using var simulator = await OpticalSimulator.StartAsync(Networks.Lab, timeProvider: new ManualTimeProvider());

        Assert.All(simulator.Endpoints, e => Assert.Null(e.SnmpPort));
        Assert.Empty(simulator.SnmpAgents);
    }
}
