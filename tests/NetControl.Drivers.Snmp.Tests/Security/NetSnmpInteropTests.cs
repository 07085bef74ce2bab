using NetControl.Drivers.Snmp.Security;
using static NetControl.Drivers.Snmp.Tests.Security.UsmTestVectors;

namespace NetControl.Drivers.Snmp.Tests.Security;

/// <summary>Checks real net-snmp authPriv traffic (<see cref="NetSnmpCaptures"/>) with keys derived from the passwords.</summary>
public sealed class NetSnmpInteropTests
{
    public static TheoryData<string, string> Captures => NetSnmpCaptures.All;

    [Theory]
    [MemberData(nameof(Captures))]
    public void Verify_NetSnmpMessage_MacIsValid(string name, string hex)
    {
        var message = CapturedUsmMessage.Parse(hex);
        var keys = KeysFor(message);

        Assert.True(UsmAuthentication.Verify(keys.Auth, keys.AuthKey, message.WithZeroedMac(), message.AuthParameters), name);
        Assert.Equal(message.AuthParameters, UsmAuthentication.Compute(keys.Auth, keys.AuthKey, message.WithZeroedMac()));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Verify_NetSnmpMessageWithOneByteChanged_False(string name, string hex)
    {
        var message = CapturedUsmMessage.Parse(hex);
        var keys = KeysFor(message);
        byte[] tampered = message.WithZeroedMac();
        tampered[^1] ^= 0x01;

        Assert.False(UsmAuthentication.Verify(keys.Auth, keys.AuthKey, tampered, message.AuthParameters), name);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decrypt_NetSnmpMessage_YieldsScopedPdu(string name, string hex)
    {
        var message = CapturedUsmMessage.Parse(hex);
        var keys = KeysFor(message);

        byte[] scopedPdu = UsmPrivacy.Decrypt(keys.PrivKey, message.Boots, message.Time, message.PrivParameters, message.EncryptedPdu);

        Assert.Equal(NetSnmpCaptures.ScopedPdu(name), Hex.Of(scopedPdu));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Encrypt_NetSnmpScopedPduAndSalt_ReproducesCiphertext(string name, string hex)
    {
        var message = CapturedUsmMessage.Parse(hex);
        var keys = KeysFor(message);
        ulong salt = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(message.PrivParameters);

        byte[] ciphertext = UsmPrivacy.Encrypt(keys.PrivKey, message.Boots, message.Time, salt, Hex.Bytes(NetSnmpCaptures.ScopedPdu(name)), out byte[] privParameters);

        Assert.Equal(message.EncryptedPdu, ciphertext);
        Assert.Equal(message.PrivParameters, privParameters);
    }

    private static UsmLocalizedKeys KeysFor(CapturedUsmMessage message)
    {
        Assert.Equal(NetSnmpEngineId, Hex.Of(message.EngineId));
        var user = message.UserName switch
        {
            NetSnmpSha1User => new UsmUser(NetSnmpSha1User, SnmpAuthProtocol.HmacSha1, Password, SnmpPrivProtocol.Aes128, NetSnmpSha1PrivPassword),
            NetSnmpSha256User => new UsmUser(NetSnmpSha256User, SnmpAuthProtocol.HmacSha256, Password, SnmpPrivProtocol.Aes128, NetSnmpSha256PrivPassword),
            _ => throw new InvalidOperationException($"unexpected user {message.UserName}"),
        };
        return UsmLocalizedKeys.Create(user, message.EngineId);
    }
}
