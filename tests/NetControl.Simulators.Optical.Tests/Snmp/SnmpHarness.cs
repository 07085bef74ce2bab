using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Snmp.Mib;
using NetControl.Simulators.Optical.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Simulators.Optical.Tests.Snmp;

/// <summary>
/// The agent of one switch of the lab network without a socket: datagrams in and out of its request handler, on a
/// manual clock. Glimmerglass A has light only at input 10003 (from h1, -11.5 dBm); Calient X only at 1.1a.3 (from
/// h2, -0.72 dBm).
/// </summary>
internal sealed class SnmpHarness
{
    public static readonly UsmUser ShaUser = new("netctl", SnmpAuthProtocol.HmacSha1, "netctl-auth-pass", SnmpPrivProtocol.Aes128, "netctl-priv-pass");

    public static readonly UsmUser Sha256User = new("netctl256", SnmpAuthProtocol.HmacSha256, "netctl256-auth-pass", SnmpPrivProtocol.Aes128, "netctl256-priv-pass");

    public static readonly UsmUser AuthOnlyUser = new("monitor", SnmpAuthProtocol.HmacSha1, "monitor-auth-pass", SnmpPrivProtocol.None, null);

    private static readonly EndPoint Remote = new IPEndPoint(IPAddress.Loopback, 40000);
    private int _requestId;

    public SnmpHarness(string switchName = "A", SnmpAgentOptions? options = null)
    {
        Network = Networks.SimulateLab(Clock);
        Switch = Network.GetSwitch(switchName);
        Options = options ?? new SnmpAgentOptions { Users = [ShaUser, Sha256User, AuthOnlyUser] };
        Context = new AgentContext(Switch, Options, SnmpAgent.EngineIdOf(switchName));
        Mib = SwitchMibFactory.Create(Context);
        Handler = new SnmpRequestHandler(Context, Mib, NullLogger.Instance);
    }

    public ManualTimeProvider Clock { get; } = new();

    public SimulatedNetwork Network { get; }

    public OpticalSwitch Switch { get; }

    public SnmpAgentOptions Options { get; }

    internal AgentContext Context { get; }

    internal SwitchMib Mib { get; }

    internal SnmpRequestHandler Handler { get; }

    public SnmpAgentCounters Counters => Context.Counters;

    public ImmutableArray<byte> EngineId => Context.EngineId;

    public int IfIndexOf(string port) => Context.Ports.Single(r => r.Name == port).IfIndex;

    public int NextRequestId() => ++_requestId;

    /// <summary>The raw reply to <paramref name="datagram"/>; null when the agent dropped it.</summary>
    public byte[]? Raw(byte[] datagram) => Handler.Handle(datagram, Remote);

    /// <summary>Sends <paramref name="request"/> over v2c and returns the Response PDU.</summary>
    public SnmpPdu Send(SnmpPdu request, string community = "public")
    {
        byte[]? reply = Raw(SnmpCodec.Encode(new SnmpV2cMessage(community, request)));
        Assert.NotNull(reply);
        var response = SnmpCodec.DecodeV2c(reply);
        Assert.Equal(community, response.Community);
        Assert.Equal(PduType.Response, response.Pdu.Type);
        Assert.Equal(request.RequestId, response.Pdu.RequestId);
        return response.Pdu;
    }

    public SnmpPdu Get(params string[] oids) => Send(SnmpPdu.Request(PduType.GetRequest, NextRequestId(), [.. oids.Select(VarBind.Request)]));

    public SnmpPdu GetNext(params string[] oids) => Send(SnmpPdu.Request(PduType.GetNextRequest, NextRequestId(), [.. oids.Select(VarBind.Request)]));

    public SnmpPdu GetBulk(int nonRepeaters, int maxRepetitions, params string[] oids) =>
        Send(SnmpPdu.GetBulk(NextRequestId(), nonRepeaters, maxRepetitions, [.. oids.Select(VarBind.Request)]));

    public SnmpPdu Set(string community, params VarBind[] varBinds) =>
        Send(SnmpPdu.Request(PduType.SetRequest, NextRequestId(), [.. varBinds]), community);

    /// <summary>The value of one instance, asserting the GET succeeded.</summary>
    public SnmpValue Value(string oid)
    {
        var response = Get(oid);
        Assert.Equal(SnmpErrorStatus.NoError, response.ErrorStatus);
        var varBind = Assert.Single(response.VarBinds);
        Assert.Equal(oid, varBind.Oid);
        return varBind.Value;
    }

    /// <summary>The OID of column <paramref name="column"/> of <paramref name="entry"/> for <paramref name="port"/>'s row.</summary>
    public string Cell(string entry, int column, string port) => $"{entry}.{column}.{IfIndexOf(port)}";

    /// <summary>The entPhysicalIndex of <paramref name="port"/>'s power sensor in the agent's entity layout.</summary>
    public int SensorIndexOf(string port) => PhysicalEntities.SensorOf(IfIndexOf(port), Options.EntityLayout);

    /// <summary>The OID of column <paramref name="column"/> of <paramref name="entry"/> for the row of <paramref name="port"/>'s power sensor entity.</summary>
    public string SensorCell(string entry, int column, string port) => $"{entry}.{column}.{SensorIndexOf(port)}";

    /// <summary>Every instance under <paramref name="column"/> by GETNEXT, in the order the agent gives them: (index after the column, value).</summary>
    public List<(string Index, SnmpValue Value)> Walk(string column)
    {
        var rows = new List<(string, SnmpValue)>();
        string oid = column;
        while (true)
        {
            var varBind = Assert.Single(GetNext(oid).VarBinds);
            if (varBind.Value.Type == SnmpValueType.EndOfMibView || !Oid.IsUnder(varBind.Oid, column))
            {
                return rows;
            }

            Assert.True(Oid.Compare(varBind.Oid, oid) > 0, $"{varBind.Oid} after {oid}");
            rows.Add((varBind.Oid[(column.Length + 1)..], varBind.Value));
            oid = varBind.Oid;
        }
    }
}
