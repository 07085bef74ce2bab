using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>SNMP datagrams built with our codec, for tests that need exact (or exactly wrong) bytes.</summary>
internal static class TestMessages
{
    /// <summary>The varbinds of a linkDown/linkUp notification for <paramref name="ifIndex"/>.</summary>
    public static ImmutableArray<VarBind> LinkChange(bool up, int ifIndex, uint upTime = 4200) =>
    [
        new(WellKnownOids.SysUpTime, SnmpValue.TimeTicks(upTime)),
        new(WellKnownOids.SnmpTrapOid, SnmpValue.ObjectIdentifier(up ? WellKnownOids.LinkUp : WellKnownOids.LinkDown)),
        new($"{WellKnownOids.IfIndex}.{ifIndex}", SnmpValue.Integer(ifIndex)),
    ];

    /// <summary>An SNMPv2c trap (or inform) datagram.</summary>
    public static byte[] V2cNotification(string community, bool up, int ifIndex, bool inform = false, int requestId = 1) =>
        SnmpCodec.Encode(new SnmpV2cMessage(community, new SnmpPdu(inform ? PduType.InformRequest : PduType.SnmpV2Trap, requestId, SnmpErrorStatus.NoError, 0, LinkChange(up, ifIndex))));

    /// <summary>An SNMPv3 trap from engine <paramref name="engineId"/> (authoritative) for <paramref name="user"/> at <paramref name="level"/>, signed with <paramref name="keysOf"/>'s keys (default: the user's).</summary>
    public static byte[] V3Trap(UsmUser user, ImmutableArray<byte> engineId, V3Flags level, int boots, int time, bool up = false, int ifIndex = 1, UsmUser? keysOf = null)
    {
        var pdu = new SnmpPdu(PduType.SnmpV2Trap, 77, SnmpErrorStatus.NoError, 0, LinkChange(up, ifIndex));
        var message = SnmpV3Message.Create(77, level, new UsmSecurityParameters(engineId, boots, time, user.Name, [], []), new ScopedPdu(engineId, string.Empty, pdu));
        var signer = keysOf ?? user;
        var keys = signer.Auth == SnmpAuthProtocol.None ? null : UsmLocalizedKeys.Create(signer, engineId.AsSpan());
        return SnmpV3Codec.Encode(message, keys, 0x0102030405060708);
    }

    /// <summary>The same datagram with one byte of its digest flipped (an authenticated v3 message that no longer verifies).</summary>
    public static byte[] WithBadDigest(byte[] datagram)
    {
        var copy = (byte[])datagram.Clone();
        SnmpCodec.DecodeV3(copy, out int authParamsOffset);
        copy[authParamsOffset] ^= 0xFF;
        return copy;
    }
}
