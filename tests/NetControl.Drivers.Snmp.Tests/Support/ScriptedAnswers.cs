using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>Answers a <see cref="FakeSnmpAgent"/> builds from the request it got: v2c responses, and a v3 engine's discovery report and responses.</summary>
internal static class ScriptedAnswers
{
    /// <summary>A v2c Response to <paramref name="request"/> giving every requested OID the string <paramref name="value"/>, with the request's community unless <paramref name="community"/> is given.</summary>
    public static byte[] V2c(byte[] request, string value, string? community = null)
    {
        var message = SnmpCodec.DecodeV2c(request);
        var varBinds = message.Pdu.VarBinds.Select(v => new VarBind(v.Oid, SnmpValue.OctetString(value))).ToImmutableArray();
        return SnmpCodec.Encode(new SnmpV2cMessage(community ?? message.Community, new SnmpPdu(PduType.Response, message.Pdu.RequestId, SnmpErrorStatus.NoError, 0, varBinds)));
    }

    /// <summary>The request-id of a v2c request.</summary>
    public static int V2cRequestId(byte[] request) => SnmpCodec.DecodeV2c(request).Pdu.RequestId;

    /// <summary>True for a v3 discovery probe (empty engine id).</summary>
    public static bool IsDiscovery(byte[] request) => SnmpCodec.DecodeV3(request, out _).Security.EngineId.IsEmpty;

    /// <summary>The unauthenticated Report answering a discovery probe: the engine's id, boots and time.</summary>
    public static byte[] DiscoveryReport(byte[] probe, ImmutableArray<byte> engineId, int boots, int time)
    {
        var request = SnmpCodec.DecodeV3(probe, out _);
        var report = new SnmpPdu(PduType.Report, request.Pdu!.Pdu.RequestId, SnmpErrorStatus.NoError, 0, [new VarBind(WellKnownOids.UsmStatsUnknownEngineIds, SnmpValue.Counter32(1))]);
        var message = SnmpV3Message.Create(request.MessageId, V3Flags.None, new UsmSecurityParameters(engineId, boots, time, string.Empty, [], []), new ScopedPdu(engineId, string.Empty, report));
        return SnmpV3Codec.Encode(message, null, 0);
    }

    /// <summary>
    /// An authNoPriv Response to an authNoPriv <paramref name="request"/>, signed as <paramref name="user"/> with keys
    /// localized to <paramref name="engineId"/>, at boots/time <paramref name="boots"/>/<paramref name="time"/>, every
    /// requested OID given the string <paramref name="value"/>.
    /// </summary>
    public static byte[] V3AuthNoPriv(byte[] request, UsmUser user, ImmutableArray<byte> engineId, int boots, int time, string value)
    {
        var message = SnmpCodec.DecodeV3(request, out _);
        var pdu = message.Pdu!.Pdu;
        var varBinds = pdu.VarBinds.Select(v => new VarBind(v.Oid, SnmpValue.OctetString(value))).ToImmutableArray();
        var response = SnmpV3Message.Create(
            message.MessageId,
            V3Flags.Auth,
            new UsmSecurityParameters(engineId, boots, time, user.Name, [], []),
            new ScopedPdu(engineId, string.Empty, new SnmpPdu(PduType.Response, pdu.RequestId, SnmpErrorStatus.NoError, 0, varBinds)));
        return SnmpV3Codec.Encode(response, UsmLocalizedKeys.Create(user, engineId.AsSpan()), 0);
    }
}
