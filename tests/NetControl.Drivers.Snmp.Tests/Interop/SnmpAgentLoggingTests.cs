using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Drivers.Snmp.Tests.Fixtures;
using NetControl.Drivers.Snmp.Tests.Support;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Interop;

/// <summary>The simulator's agent logs one line for every datagram it refuses, whatever the reason (captured at Debug).</summary>
public sealed class SnmpAgentLoggingTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly LogCapture _log = new(LogLevel.Debug);
    private readonly UdpClient _manager = new(new IPEndPoint(IPAddress.Loopback, 0));
    private OpticalSimulator _simulator = null!;

    private IPEndPoint Agent => new(IPAddress.Loopback, _simulator.Endpoints.Single().SnmpPort!.Value);

    public async Task InitializeAsync() =>
        _simulator = await OpticalSimulator.StartAsync(SimulatedSwitchFixture.Topology, loggers: _log, snmp: SimulatedSwitchFixture.BaseOptions);

    public async Task DisposeAsync()
    {
        _manager.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Handle_EachDropReason_OneLogLine()
    {
        var engine = SnmpAgent.EngineIdOf(SimulatedSwitchFixture.SwitchName);
        var user = NetSnmpUser.ShaAuthOnly.ToUsmUser();
        var stranger = user with { Name = "stranger" };

        await SendAsync([0x30, 0x82, 0xff, 0xff, 0x02]);                                                  // truncated BER
        await SendAsync(SnmpCodec.Encode(new SnmpV2cMessage("guess", SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]))));
        await ReportedAsync(Get(stranger, engine, boots: 1, time: 0));                                    // unknown user
        await ReportedAsync(TestMessages.WithBadDigest(Get(user, engine, boots: 1, time: 0)));           // bad digest
        await ReportedAsync(Get(user, engine, boots: 99, time: 0));                                      // another boot: outside the window
        await Eventually.TrueAsync(() => Refusals().Count >= 5, Wait);

        var lines = Refusals();
        Assert.Single(lines, l => l.EventId.Id == 3501);
        Assert.Single(lines, l => l.EventId.Id == 3502);
        Assert.Single(lines, l => l.EventId.Id == 3503 && Equals(l.Values["Reason"], nameof(UsmCheck.UnknownUser)));
        Assert.Single(lines, l => l.EventId.Id == 3503 && Equals(l.Values["Reason"], nameof(UsmCheck.WrongDigest)));
        var window = Assert.Single(lines, l => l.EventId.Id == 3503 && Equals(l.Values["Reason"], "not in time window"));
        Assert.Equal(LogLevel.Debug, window.Level);
        Assert.Equal(5, lines.Count);
    }

    /// <summary>Refusal lines (undecodable, bad community, USM), without the normal discovery exchange.</summary>
    private List<LogLine> Refusals() =>
        [.. _log.Lines.Where(l => l.EventId.Id is 3501 or 3502 or 3503 && !Equals(l.Values.GetValueOrDefault("Reason"), "unknown engine id"))];

    private static byte[] Get(UsmUser user, System.Collections.Immutable.ImmutableArray<byte> engine, int boots, int time)
    {
        var pdu = SnmpPdu.Request(PduType.GetRequest, 7, [VarBind.Request(WellKnownOids.SysName)]);
        var message = SnmpV3Message.Create(7, V3Flags.Auth | V3Flags.Reportable, new UsmSecurityParameters(engine, boots, time, user.Name, [], []), new ScopedPdu(engine, string.Empty, pdu));
        return SnmpV3Codec.Encode(message, UsmLocalizedKeys.Create(user, engine.AsSpan()), 0);
    }

    private async Task SendAsync(byte[] datagram) => await _manager.SendAsync(datagram, Agent);

    /// <summary>Sends a reportable request and waits for the agent's Report (its log line is written before it).</summary>
    private async Task ReportedAsync(byte[] datagram)
    {
        await SendAsync(datagram);
        var reply = await _manager.ReceiveAsync().WaitAsync(Wait);
        Assert.Equal(PduType.Report, SnmpCodec.DecodeV3(reply.Buffer, out _).Pdu?.Pdu.Type);
    }
}
