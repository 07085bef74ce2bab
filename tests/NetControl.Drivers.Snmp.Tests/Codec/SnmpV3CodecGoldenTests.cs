using System.Buffers.Binary;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>
/// USM against net-snmp: the authenticated and encrypted datagrams of Golden/v3-*.hex verify and decrypt with
/// keys localized from the capture's passwords, and encoding the decoded message gives the same bytes.
/// </summary>
public sealed class SnmpV3CodecGoldenTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("80001F88046E6574636F6E74726F6C");

    private static readonly UsmUser[] Users =
    [
        new("noauthuser", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null),
        new("shauser", SnmpAuthProtocol.HmacSha1, "shapassword1", SnmpPrivProtocol.None, null),
        new("sha256user", SnmpAuthProtocol.HmacSha256, "sha256password1", SnmpPrivProtocol.None, null),
        new("aesuser", SnmpAuthProtocol.HmacSha1, "authpassword1", SnmpPrivProtocol.Aes128, "privpassword1"),
    ];

    [Theory]
    [InlineData("v3-noauth.request")]
    [InlineData("v3-noauth.response")]
    [InlineData("v3-sha.request")]
    [InlineData("v3-sha.response")]
    [InlineData("v3-sha256.request")]
    [InlineData("v3-sha256.response")]
    [InlineData("v3-aes.request")]
    [InlineData("v3-aes.response")]
    [InlineData("v3-trap-sha.request")]
    public void Decode_NetSnmpPacket_ChecksOk(string name)
    {
        SnmpV3Message message = SnmpV3Codec.Decode(GoldenPackets.Bytes(name), KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.Ok, check);
        Assert.NotNull(message.Pdu);
        Assert.Empty(message.EncryptedPdu);
    }

    [Theory]
    [InlineData("v3-sha.request")]
    [InlineData("v3-sha.response")]
    [InlineData("v3-sha256.request")]
    [InlineData("v3-sha256.response")]
    [InlineData("v3-aes.request")]
    [InlineData("v3-aes.response")]
    [InlineData("v3-trap-sha.request")]
    public void Encode_DecodedNetSnmpPacket_ReproducesDigestAndCiphertext(string name)
    {
        byte[] datagram = GoldenPackets.Bytes(name);
        SnmpV3Message message = SnmpV3Codec.Decode(datagram, KeysFor, out _);
        ulong salt = message.Security.PrivacyParameters.IsEmpty ? 0 : BinaryPrimitives.ReadUInt64BigEndian(message.Security.PrivacyParameters.AsSpan());

        byte[] encoded = SnmpV3Codec.Encode(message, KeysFor(message.Security.UserName), salt);

        Assert.Equal(Convert.ToHexString(datagram), Convert.ToHexString(encoded));
    }

    [Fact]
    public void Decode_NetSnmpAesResponse_DecryptsSysNameAndUpTime()
    {
        SnmpV3Message request = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-aes.request"), KeysFor, out _);
        SnmpV3Message response = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-aes.response"), KeysFor, out _);

        Assert.Equal(PduType.GetRequest, request.Pdu!.Pdu.Type);
        Assert.Equal([WellKnownOids.SysName, WellKnownOids.SysUpTime], request.Pdu.Pdu.VarBinds.Select(v => v.Oid));
        Assert.Equal(PduType.Response, response.Pdu!.Pdu.Type);
        Assert.Equal(request.Pdu.Pdu.RequestId, response.Pdu.Pdu.RequestId);
        Assert.Equal("vm", response.Pdu.Pdu.VarBinds[0].Value.AsString());
        Assert.Equal(SnmpValueType.TimeTicks, response.Pdu.Pdu.VarBinds[1].Value.Type);
    }

    [Fact]
    public void Decode_NetSnmpTrap_CarriesLinkDown()
    {
        SnmpV3Message trap = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-trap-sha.request"), KeysFor, out _);

        Assert.Equal(V3Flags.Auth, trap.Flags);
        Assert.Equal(PduType.SnmpV2Trap, trap.Pdu!.Pdu.Type);
        Assert.Equal(SnmpValue.ObjectIdentifier(WellKnownOids.LinkDown), trap.Pdu.Pdu.VarBinds[1].Value);
    }

    [Fact]
    public void Decode_NetSnmpShaWithWrongPassword_IsWrongDigest()
    {
        UsmLocalizedKeys wrong = UsmLocalizedKeys.Create(new UsmUser("shauser", SnmpAuthProtocol.HmacSha1, "notthepassword", SnmpPrivProtocol.None, null), EngineId);

        SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-sha.request"), _ => wrong, out UsmCheck check);

        Assert.Equal(UsmCheck.WrongDigest, check);
    }

    [Fact]
    public void Decode_NetSnmpAesWithWrongPrivPassword_IsDecryptionError()
    {
        UsmLocalizedKeys wrong = UsmLocalizedKeys.Create(new UsmUser("aesuser", SnmpAuthProtocol.HmacSha1, "authpassword1", SnmpPrivProtocol.Aes128, "notthepassword"), EngineId);

        SnmpV3Message message = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-aes.request"), _ => wrong, out UsmCheck check);

        Assert.Equal(UsmCheck.DecryptionError, check);
        Assert.Null(message.Pdu);
        Assert.NotEmpty(message.EncryptedPdu);
    }

    [Fact]
    public void Decode_NetSnmpUnknownUserRequest_IsUnknownUser()
    {
        SnmpV3Message message = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-wronguser.request"), KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.UnknownUser, check);
        Assert.Equal("nosuchuser", message.Security.UserName);
    }

    [Fact]
    public void Decode_NetSnmpDiscovery_IsUnknownUserWithEmptyEngine()
    {
        SnmpV3Message message = SnmpV3Codec.Decode(GoldenPackets.Bytes("v3-sha.discovery"), KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.UnknownUser, check);
        Assert.Empty(message.Security.EngineId);
        Assert.NotNull(message.Pdu);
    }

    private static UsmLocalizedKeys? KeysFor(string userName) =>
        Users.FirstOrDefault(u => u.Name == userName) is { } user ? UsmLocalizedKeys.Create(user, EngineId) : null;
}
