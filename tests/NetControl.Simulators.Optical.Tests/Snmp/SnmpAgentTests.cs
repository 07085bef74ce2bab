using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Simulators.Optical.Tests.Snmp;

/// <summary>The agent on a real loopback UDP socket: requests, the receive loop's resilience, and notifications.</summary>
public sealed class SnmpAgentTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Udp_GetAfterGarbage_IsStillAnswered()
    {
        var clock = new ManualTimeProvider();
        var network = Networks.SimulateLab(clock);
        await using var agent = SnmpAgent.Start(network.GetSwitch("B"));
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var to = new IPEndPoint(IPAddress.Loopback, agent.Port);

        await client.SendAsync(new byte[] { 0x30, 0x82, 0xFF, 0xFF, 0x00 }, to);
        await client.SendAsync(SnmpCodec.Encode(new SnmpV2cMessage("wrong", Get(1))), to);
        await client.SendAsync(SnmpCodec.Encode(new SnmpV2cMessage("public", Get(2))), to);

        var reply = await ReceiveAsync(client);
        var response = SnmpCodec.DecodeV2c(reply.Buffer).Pdu;
        Assert.Equal(2, response.RequestId);
        Assert.Equal(SnmpValue.OctetString("B"), Assert.Single(response.VarBinds).Value);
        Assert.Equal(1, agent.Counters.AsnParseErrors);
        Assert.Equal(1, agent.Counters.BadCommunityNames);
        Assert.Equal(3, agent.Counters.InPackets);
    }

    [Fact]
    public async Task FibreCut_SendsLinkDownThenRepair_LinkUp_AsV2cTraps()
    {
        var clock = new ManualTimeProvider();
        var network = Networks.SimulateLab(clock);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new SnmpAgentOptions { TrapTargets = [new SnmpTrapTarget("127.0.0.1", PortOf(receiver), "traps")] };
        await using var agent = SnmpAgent.Start(network.GetSwitch("A"), options);
        int ifIndex = agent.Switch.Ports.ToList().FindIndex(p => p.Name == "10003") + 1;

        clock.Advance(TimeSpan.FromSeconds(5));
        network.Faults.CutLink("h1-A");
        clock.Advance(options.LinkPollInterval);

        var down = SnmpCodec.DecodeV2c((await ReceiveAsync(receiver)).Buffer);
        Assert.Equal("traps", down.Community);
        Assert.Equal(PduType.SnmpV2Trap, down.Pdu.Type);
        Assert.Equal(
            [
                new VarBind(WellKnownOids.SysUpTime, SnmpValue.TimeTicks(510)),
                new VarBind(WellKnownOids.SnmpTrapOid, SnmpValue.ObjectIdentifier(WellKnownOids.LinkDown)),
                new VarBind($"{WellKnownOids.IfIndex}.{ifIndex}", SnmpValue.Integer(ifIndex)),
                new VarBind($"{WellKnownOids.IfAdminStatus}.{ifIndex}", SnmpValue.Integer(1)),
                new VarBind($"{WellKnownOids.IfOperStatus}.{ifIndex}", SnmpValue.Integer(2)),
            ],
            down.Pdu.VarBinds.ToArray());

        network.Faults.RepairLink("h1-A");
        clock.Advance(options.LinkPollInterval);

        var up = SnmpCodec.DecodeV2c((await ReceiveAsync(receiver)).Buffer).Pdu;
        Assert.Equal(SnmpValue.ObjectIdentifier(WellKnownOids.LinkUp), up.VarBinds[1].Value);
        Assert.Equal(SnmpValue.Integer(1), up.VarBinds[4].Value);

        // The agent counts a trap once its send returns, which can be after the receiver already has it.
        await Eventually.TrueAsync(() => Task.FromResult(agent.Counters.TrapsSent == 2), TimeSpan.FromSeconds(10));
        Assert.Equal(2, agent.Counters.TrapsSent);
    }

    [Fact]
    public async Task Inform_IsResentUntilAcknowledged()
    {
        var clock = new ManualTimeProvider();
        var network = Networks.SimulateLab(clock);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new SnmpAgentOptions { TrapTargets = [new SnmpTrapTarget("127.0.0.1", PortOf(receiver), Inform: true)] };
        await using var agent = SnmpAgent.Start(network.GetSwitch("X"), options);

        network.Faults.CutLink("h2-X");
        clock.Advance(options.LinkPollInterval);
        var first = await ReceiveAsync(receiver);
        var inform = SnmpCodec.DecodeV2c(first.Buffer).Pdu;
        Assert.Equal(PduType.InformRequest, inform.Type);

        clock.Advance(options.InformTimeout);
        var again = SnmpCodec.DecodeV2c((await ReceiveAsync(receiver)).Buffer).Pdu;
        Assert.Equal(inform.RequestId, again.RequestId);

        var ack = new SnmpPdu(PduType.Response, inform.RequestId, SnmpErrorStatus.NoError, 0, inform.VarBinds);
        await receiver.SendAsync(SnmpCodec.Encode(new SnmpV2cMessage("public", ack)), first.RemoteEndPoint);

        await EventuallyAsync(() => agent.Counters.InformsAcknowledged == 1);
        Assert.Equal(2, agent.Counters.InformsSent);
        Assert.Equal(0, agent.Counters.InformsGivenUp);
    }

    [Fact]
    public async Task Inform_NeverAcknowledged_IsGivenUpAfterItsRetries()
    {
        var clock = new ManualTimeProvider();
        var network = Networks.SimulateLab(clock);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new SnmpAgentOptions { InformRetries = 1, TrapTargets = [new SnmpTrapTarget("127.0.0.1", PortOf(receiver), Inform: true)] };
        await using var agent = SnmpAgent.Start(network.GetSwitch("X"), options);

        network.Faults.CutLink("h2-X");
        clock.Advance(options.LinkPollInterval);
        await ReceiveAsync(receiver);
        clock.Advance(options.InformTimeout);
        await ReceiveAsync(receiver);
        clock.Advance(options.InformTimeout);

        await EventuallyAsync(() => agent.Counters.InformsGivenUp == 1);
        Assert.Equal(2, agent.Counters.InformsSent);
    }

    [Fact]
    public async Task V3Target_GetsAuthPrivTrapWithTheAgentAsAuthoritativeEngine()
    {
        var clock = new ManualTimeProvider();
        var network = Networks.SimulateLab(clock);
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var user = SnmpHarness.Sha256User;
        var options = new SnmpAgentOptions { TrapTargets = [SnmpTrapTarget.V3("127.0.0.1", PortOf(receiver), user)] };
        await using var agent = SnmpAgent.Start(network.GetSwitch("A"), options);

        network.Faults.CutLink("h1-A");
        clock.Advance(options.LinkPollInterval);

        var datagram = (await ReceiveAsync(receiver)).Buffer;
        var keys = UsmLocalizedKeys.Create(user, SnmpAgent.EngineIdOf("A").AsSpan());
        var trap = SnmpV3Codec.Decode(datagram, name => name == user.Name ? keys : null, out var check);
        Assert.Equal(UsmCheck.Ok, check);
        Assert.Equal(V3Flags.Auth | V3Flags.Priv, trap.Flags);
        Assert.Equal(agent.EngineId.ToArray(), trap.Security.EngineId.ToArray());
        Assert.Equal(PduType.SnmpV2Trap, trap.Pdu!.Pdu.Type);
        Assert.Equal(SnmpValue.ObjectIdentifier(WellKnownOids.LinkDown), trap.Pdu.Pdu.VarBinds[1].Value);
    }

    [Fact]
    public void Start_V3Inform_IsRefused()
    {
        var network = Networks.SimulateLab(new ManualTimeProvider());
        var options = new SnmpAgentOptions { TrapTargets = [SnmpTrapTarget.V3("127.0.0.1", 162, SnmpHarness.ShaUser) with { Inform = true }] };

        Assert.Throws<ArgumentException>(() => SnmpAgent.Start(network.GetSwitch("A"), options));
    }

    [Fact]
    public void EngineIdOf_IsNetSnmpsTextFormat()
    {
        Assert.Equal("80001F880443484920505843", Convert.ToHexString(SnmpAgent.EngineIdOf("CHI PXC").AsSpan()));
    }

    private static SnmpPdu Get(int requestId) => SnmpPdu.Request(PduType.GetRequest, requestId, [VarBind.Request(WellKnownOids.SysName)]);

    private static int PortOf(UdpClient client) => ((IPEndPoint)client.Client.LocalEndPoint!).Port;

    private static async Task<UdpReceiveResult> ReceiveAsync(UdpClient client)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await client.ReceiveAsync(timeout.Token);
    }

    /// <summary>Waits for a condition another thread makes true (the agent's loops), failing after a generous timeout.</summary>
    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
