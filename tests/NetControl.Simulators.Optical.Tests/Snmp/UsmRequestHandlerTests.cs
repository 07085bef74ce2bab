using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class UsmRequestHandlerTests
{
    private const V3Flags AuthPriv = V3Flags.Auth | V3Flags.Priv;

    [Fact]
    public void Discovery_EmptyEngineId_IsAnsweredWithUnknownEngineIdsReportCarryingTheEngine()
    {
        var snmp = new SnmpHarness("X");
        snmp.Clock.Advance(TimeSpan.FromSeconds(42));
        var request = SnmpV3Message.Create(7, V3Flags.Reportable, UsmSecurityParameters.Discovery, new ScopedPdu([], string.Empty, Get(31)));

        var reply = Decode(snmp.Raw(SnmpV3Codec.Encode(request, null, 0)), null, out var check);

        Assert.Equal(UsmCheck.UnknownUser, check);
        Assert.Equal(7, reply.MessageId);
        Assert.Equal(V3Flags.None, reply.Flags);
        Assert.Equal(snmp.EngineId.ToArray(), reply.Security.EngineId.ToArray());
        Assert.Equal((1, 42), (reply.Security.EngineBoots, reply.Security.EngineTime));
        Assert.Equal(PduType.Report, reply.Pdu!.Pdu.Type);
        Assert.Equal(31, reply.Pdu.Pdu.RequestId);
        Assert.Equal([new VarBind(WellKnownOids.UsmStatsUnknownEngineIds, SnmpValue.Counter32(1))], reply.Pdu.Pdu.VarBinds.ToArray());
    }

    [Theory]
    [InlineData("netctl")]
    [InlineData("netctl256")]
    public void AuthPrivGet_KnownUser_IsAnsweredEncrypted(string userName)
    {
        var snmp = new SnmpHarness("A");
        var user = userName == "netctl" ? SnmpHarness.ShaUser : SnmpHarness.Sha256User;

        var reply = Decode(snmp.Raw(Request(snmp, user, AuthPriv, Get(5))), user, snmp.EngineId, out var check);

        Assert.Equal(UsmCheck.Ok, check);
        Assert.Equal(AuthPriv, reply.Flags);
        Assert.Equal(user.Name, reply.Security.UserName);
        Assert.Equal(8, reply.Security.PrivacyParameters.Length);
        Assert.Equal(PduType.Response, reply.Pdu!.Pdu.Type);
        Assert.Equal([new VarBind(WellKnownOids.SysName, SnmpValue.OctetString("A"))], reply.Pdu.Pdu.VarBinds.ToArray());
    }

    [Fact]
    public void AuthNoPrivSet_UserWithoutPrivacy_IsApplied()
    {
        var snmp = new SnmpHarness();
        var user = SnmpHarness.AuthOnlyUser;
        var set = SnmpPdu.Request(PduType.SetRequest, 3, [new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString("Pasadena"))]);

        var reply = Decode(snmp.Raw(Request(snmp, user, V3Flags.Auth, set)), user, snmp.EngineId, out _);

        Assert.Equal(SnmpErrorStatus.NoError, reply.Pdu!.Pdu.ErrorStatus);
        Assert.Equal("Pasadena", snmp.Value(WellKnownOids.SysLocation).AsString());
    }

    [Fact]
    public void WrongPassword_IsAnsweredWithUnauthenticatedWrongDigestReport()
    {
        var snmp = new SnmpHarness();
        var impostor = SnmpHarness.ShaUser with { AuthPassword = "not-the-password" };

        var reply = Decode(snmp.Raw(Request(snmp, impostor, AuthPriv, Get(8))), null, out _);

        Assert.Equal(V3Flags.None, reply.Flags);
        Assert.Equal(PduType.Report, reply.Pdu!.Pdu.Type);
        Assert.Equal(WellKnownOids.UsmStatsWrongDigests, Assert.Single(reply.Pdu.Pdu.VarBinds).Oid);
        Assert.Equal(1, snmp.Counters.UsmWrongDigests);
    }

    [Fact]
    public void UnknownUser_IsAnsweredWithUnknownUserNamesReport()
    {
        var snmp = new SnmpHarness();
        var stranger = new UsmUser("stranger", SnmpAuthProtocol.HmacSha1, "stranger-pass", SnmpPrivProtocol.None, null);

        var reply = Decode(snmp.Raw(Request(snmp, stranger, V3Flags.Auth, Get(9))), null, out _);

        Assert.Equal(WellKnownOids.UsmStatsUnknownUserNames, Assert.Single(reply.Pdu!.Pdu.VarBinds).Oid);
        Assert.Equal(1, snmp.Counters.UsmUnknownUserNames);
    }

    [Fact]
    public void PrivacyRequested_UserWithoutPrivacy_IsUnsupportedSecLevel()
    {
        var snmp = new SnmpHarness();
        var claimed = SnmpHarness.AuthOnlyUser with { Priv = SnmpPrivProtocol.Aes128, PrivPassword = "made-up-priv" };

        var reply = Decode(snmp.Raw(Request(snmp, claimed, AuthPriv, Get(10))), null, out _);

        Assert.Equal(WellKnownOids.UsmStatsUnsupportedSecLevels, Assert.Single(reply.Pdu!.Pdu.VarBinds).Oid);
    }

    [Fact]
    public void OutsideTheTimeWindow_IsAnsweredWithAuthenticatedNotInTimeWindowsReport()
    {
        var snmp = new SnmpHarness();
        snmp.Clock.Advance(TimeSpan.FromSeconds(1000));
        var user = SnmpHarness.ShaUser;

        var reply = Decode(snmp.Raw(Request(snmp, user, AuthPriv, Get(11), engineTime: 10)), user, snmp.EngineId, out var check);

        Assert.Equal(UsmCheck.Ok, check);
        Assert.Equal(V3Flags.Auth, reply.Flags);
        Assert.Equal((1, 1000), (reply.Security.EngineBoots, reply.Security.EngineTime));
        Assert.Equal(PduType.Report, reply.Pdu!.Pdu.Type);
        Assert.Equal(WellKnownOids.UsmStatsNotInTimeWindows, Assert.Single(reply.Pdu.Pdu.VarBinds).Oid);
    }

    [Fact]
    public void BelowTheUsersLevel_IsAuthorizationError()
    {
        var snmp = new SnmpHarness();
        var user = SnmpHarness.ShaUser;

        var reply = Decode(snmp.Raw(Request(snmp, user, V3Flags.Auth, Get(12))), user, snmp.EngineId, out _);

        Assert.Equal(SnmpErrorStatus.AuthorizationError, reply.Pdu!.Pdu.ErrorStatus);
    }

    [Fact]
    public void NotReportable_Failure_IsDroppedButCounted()
    {
        var snmp = new SnmpHarness();
        var message = SnmpV3Message.Create(1, V3Flags.None, UsmSecurityParameters.Discovery, new ScopedPdu([], string.Empty, Get(1)));

        Assert.Null(snmp.Raw(SnmpV3Codec.Encode(message, null, 0)));

        Assert.Equal(1, snmp.Counters.UsmUnknownEngineIds);
    }

    [Fact]
    public void OtherContext_IsUnknownContextsReport()
    {
        var snmp = new SnmpHarness();
        var user = SnmpHarness.ShaUser;

        var reply = Decode(snmp.Raw(Request(snmp, user, AuthPriv, Get(13), context: "vrf-1")), user, snmp.EngineId, out _);

        Assert.Equal("1.3.6.1.6.3.12.1.5.0", Assert.Single(reply.Pdu!.Pdu.VarBinds).Oid);
        Assert.Equal(1, snmp.Counters.UnknownContexts);
    }

    private static SnmpPdu Get(int requestId) => SnmpPdu.Request(PduType.GetRequest, requestId, [VarBind.Request(WellKnownOids.SysName)]);

    private static byte[] Request(SnmpHarness snmp, UsmUser user, V3Flags level, SnmpPdu pdu, int? engineTime = null, string context = "")
    {
        var engine = snmp.EngineId;
        var keys = UsmLocalizedKeys.Create(user, engine.AsSpan());
        var security = new UsmSecurityParameters(engine, snmp.Context.Engine.Boots, engineTime ?? snmp.Context.Engine.Time, user.Name, [], []);
        var message = SnmpV3Message.Create(100, level | V3Flags.Reportable, security, new ScopedPdu(engine, context, pdu));
        return SnmpV3Codec.Encode(message, keys, 0x1122334455667788);
    }

    private static SnmpV3Message Decode(byte[]? reply, UsmUser? user, out UsmCheck check) => Decode(reply, user, [], out check);

    private static SnmpV3Message Decode(byte[]? reply, UsmUser? user, ImmutableArray<byte> engine, out UsmCheck check)
    {
        Assert.NotNull(reply);
        return SnmpV3Codec.Decode(reply, _ => user is null ? null : UsmLocalizedKeys.Create(user, engine.AsSpan()), out check);
    }
}
