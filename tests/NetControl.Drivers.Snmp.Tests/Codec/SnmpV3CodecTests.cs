using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>USM applied by <see cref="SnmpV3Codec"/>: digests, encryption, and each failed check.</summary>
public sealed class SnmpV3CodecTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("80001F8880A1B2C3D4E5F60708");

    private static readonly UsmLocalizedKeys NoAuth = Keys(new UsmUser("viewer", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null));
    private static readonly UsmLocalizedKeys Sha1 = Keys(new UsmUser("sha1", SnmpAuthProtocol.HmacSha1, "maplesyrup", SnmpPrivProtocol.None, null));
    private static readonly UsmLocalizedKeys Sha256 = Keys(new UsmUser("sha256", SnmpAuthProtocol.HmacSha256, "maplesyrup", SnmpPrivProtocol.None, null));
    private static readonly UsmLocalizedKeys Sha1Aes = Keys(new UsmUser("sha1aes", SnmpAuthProtocol.HmacSha1, "maplesyrup", SnmpPrivProtocol.Aes128, "privacypass"));
    private static readonly UsmLocalizedKeys Sha256Aes = Keys(new UsmUser("sha256aes", SnmpAuthProtocol.HmacSha256, "maplesyrup", SnmpPrivProtocol.Aes128, "privacypass"));
    private static readonly UsmLocalizedKeys[] AllKeys = [NoAuth, Sha1, Sha256, Sha1Aes, Sha256Aes];

    public static TheoryData<string, V3Flags> Levels => new()
    {
        { "viewer", V3Flags.Reportable },
        { "sha1", V3Flags.Auth | V3Flags.Reportable },
        { "sha256", V3Flags.Auth },
        { "sha1aes", V3Flags.Auth | V3Flags.Priv | V3Flags.Reportable },
        { "sha256aes", V3Flags.Auth | V3Flags.Priv },
        { "sha1aes", V3Flags.Auth },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Encode_EachSecurityLevel_DecodesOkToSamePdu(string user, V3Flags flags)
    {
        SnmpV3Message message = Message(user, flags);

        byte[] datagram = SnmpV3Codec.Encode(message, KeysFor(user), privacySalt: 0x0102030405060708);
        SnmpV3Message decoded = SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.Ok, check);
        Assert.Equal(message.Pdu, decoded.Pdu);
        Assert.Empty(decoded.EncryptedPdu);
        Assert.Equal(message.Security with { AuthenticationParameters = decoded.Security.AuthenticationParameters, PrivacyParameters = decoded.Security.PrivacyParameters }, decoded.Security);
        Assert.Equal(flags.HasFlag(V3Flags.Auth) ? UsmAuthentication.MacLength(KeysFor(user)!.Auth) : 0, decoded.Security.AuthenticationParameters.Length);
        Assert.Equal(flags.HasFlag(V3Flags.Priv) ? "0102030405060708" : string.Empty, Convert.ToHexString(decoded.Security.PrivacyParameters.AsSpan()));
    }

    [Fact]
    public void Encode_Privacy_HidesThePdu()
    {
        byte[] plain = SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth), Sha1, 0);
        byte[] secret = SnmpV3Codec.Encode(Message("sha1aes", V3Flags.Auth | V3Flags.Priv), Sha1Aes, 0);

        Assert.Contains("core-router-1"u8.ToArray(), Windows(plain, 13));
        Assert.DoesNotContain("core-router-1"u8.ToArray(), Windows(secret, 13));
    }

    [Fact]
    public void Encode_DifferentSalts_GiveDifferentCiphertexts()
    {
        SnmpV3Message message = Message("sha1aes", V3Flags.Auth | V3Flags.Priv);

        SnmpV3Message first = SnmpCodec.DecodeV3(SnmpV3Codec.Encode(message, Sha1Aes, 1), out _);
        SnmpV3Message second = SnmpCodec.DecodeV3(SnmpV3Codec.Encode(message, Sha1Aes, 2), out _);

        Assert.NotEqual(Convert.ToHexString(first.EncryptedPdu.AsSpan()), Convert.ToHexString(second.EncryptedPdu.AsSpan()));
    }

    /// <summary>
    /// Clearing the auth flag is the one flip that decodes Ok: it makes a noAuthNoPriv message, which USM
    /// accepts for any known user (RFC 3414); the caller sees the lower level in Flags and must refuse it
    /// where it requires authentication.
    /// </summary>
    [Fact]
    public void Decode_AnyFlippedBit_NeverOkAtTheSignedLevel()
    {
        foreach (string user in new[] { "sha1", "sha256aes" })
        {
            V3Flags flags = user == "sha1" ? V3Flags.Auth | V3Flags.Reportable : V3Flags.Auth | V3Flags.Priv | V3Flags.Reportable;
            byte[] datagram = SnmpV3Codec.Encode(Message(user, flags), KeysFor(user), 99);
            for (int bit = 0; bit < datagram.Length * 8; bit++)
            {
                byte[] tampered = (byte[])datagram.Clone();
                tampered[bit / 8] ^= (byte)(1 << (bit % 8));
                try
                {
                    SnmpV3Message decoded = SnmpV3Codec.Decode(tampered, KeysFor, out UsmCheck check);
                    Assert.True(check != UsmCheck.Ok || !decoded.Flags.HasFlag(V3Flags.Auth), $"{user}: flipping bit {bit} went unnoticed");
                }
                catch (SnmpDecodeException)
                {
                    // a structural change is an acceptable way to notice
                }
            }
        }
    }

    [Fact]
    public void Decode_TamperedPduByte_IsWrongDigest()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha256", V3Flags.Auth), Sha256, 0);
        int at = datagram.AsSpan().IndexOf("core-router-1"u8);
        datagram[at] ^= 0x20;

        SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.WrongDigest, check);
    }

    [Fact]
    public void Decode_WrongAuthKey_IsWrongDigest()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth), Sha1, 0);
        UsmLocalizedKeys other = Keys(new UsmUser("sha1", SnmpAuthProtocol.HmacSha1, "otherpassword", SnmpPrivProtocol.None, null));

        SnmpV3Codec.Decode(datagram, _ => other, out UsmCheck check);

        Assert.Equal(UsmCheck.WrongDigest, check);
    }

    [Fact]
    public void Decode_KeysOfAnotherEngine_IsWrongDigest()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth), Sha1, 0);
        UsmLocalizedKeys elsewhere = UsmLocalizedKeys.Create(Sha1.User, Convert.FromHexString("80001F8880FFFFFFFFFFFFFFFF"));

        SnmpV3Codec.Decode(datagram, _ => elsewhere, out UsmCheck check);

        Assert.Equal(UsmCheck.WrongDigest, check);
    }

    [Fact]
    public void Decode_DigestOfWrongLength_IsWrongDigest()
    {
        SnmpV3Message message = Message("sha1", V3Flags.Auth);
        byte[] datagram = SnmpCodec.EncodeV3Plain(message with { Security = message.Security with { AuthenticationParameters = [.. new byte[11]] } });

        SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.WrongDigest, check);
    }

    [Fact]
    public void Decode_WrongPrivKey_IsDecryptionError()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha1aes", V3Flags.Auth | V3Flags.Priv), Sha1Aes, 0);
        UsmLocalizedKeys other = Keys(new UsmUser("sha1aes", SnmpAuthProtocol.HmacSha1, "maplesyrup", SnmpPrivProtocol.Aes128, "otherprivacy"));

        SnmpV3Message message = SnmpV3Codec.Decode(datagram, _ => other, out UsmCheck check);

        Assert.Equal(UsmCheck.DecryptionError, check);
        Assert.Null(message.Pdu);
    }

    [Fact]
    public void Decode_PrivacyParametersOfWrongLength_IsDecryptionError()
    {
        SnmpV3Message message = Message("sha1aes", V3Flags.Auth | V3Flags.Priv) with { Pdu = null, EncryptedPdu = [1, 2, 3, 4] };
        message = message with { Security = message.Security with { PrivacyParameters = [1, 2, 3] } };
        byte[] datagram = SignedPlain(message, Sha1Aes);

        SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.DecryptionError, check);
    }

    [Fact]
    public void Decode_UnknownUser_IsUnknownUserAndKeepsMessage()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth | V3Flags.Reportable), Sha1, 0);

        SnmpV3Message message = SnmpV3Codec.Decode(datagram, _ => null, out UsmCheck check);

        Assert.Equal(UsmCheck.UnknownUser, check);
        Assert.Equal(7, message.MessageId);
        Assert.NotNull(message.Pdu);
    }

    [Theory]
    [InlineData("viewer", V3Flags.Auth)]
    [InlineData("sha1", V3Flags.Auth | V3Flags.Priv)]
    public void Decode_LevelTheUserLacks_IsUnsupportedSecurityLevel(string user, V3Flags flags)
    {
        UsmLocalizedKeys signer = flags.HasFlag(V3Flags.Priv) ? Sha1Aes : Sha1;
        SnmpV3Message message = Message(user, flags);
        byte[] datagram = SnmpV3Codec.Encode(message, signer, 0);
        datagram = SnmpCodec.EncodeV3Plain(SnmpCodec.DecodeV3(datagram, out _) with { Security = message.Security with { UserName = user, AuthenticationParameters = [.. new byte[12]], PrivacyParameters = [.. new byte[8]] } });

        SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.UnsupportedSecurityLevel, check);
    }

    [Fact]
    public void Decode_NoAuthMessageOfAuthUser_IsOk()
    {
        byte[] datagram = SnmpV3Codec.Encode(Message("sha1", V3Flags.Reportable), keys: null, 0);

        SnmpV3Codec.Decode(datagram, KeysFor, out UsmCheck check);

        Assert.Equal(UsmCheck.Ok, check);
    }

    [Fact]
    public void Encode_AuthWithoutKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth), null, 0));
        Assert.Throws<ArgumentException>(() => SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth | V3Flags.Priv), Sha1, 0));
        Assert.Throws<ArgumentException>(() => SnmpV3Codec.Encode(Message("viewer", V3Flags.Auth), NoAuth, 0));
    }

    [Fact]
    public void Encode_KeysOfAnotherEngine_Throws()
    {
        UsmLocalizedKeys elsewhere = UsmLocalizedKeys.Create(Sha1.User, Convert.FromHexString("80001F8880FFFFFFFFFFFFFFFF"));

        var ex = Assert.Throws<ArgumentException>(() => SnmpV3Codec.Encode(Message("sha1", V3Flags.Auth), elsewhere, 0));

        Assert.Contains("localized", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_RandomMessagesAtRandomLevels_DecodeOk()
    {
        var random = new Random(3414);
        for (int i = 0; i < 500; i++)
        {
            UsmLocalizedKeys keys = AllKeys[random.Next(AllKeys.Length)];
            V3Flags flags = (keys.Auth, keys.Priv, random.Next(3)) switch
            {
                (SnmpAuthProtocol.None, _, _) => V3Flags.Reportable,
                (_, SnmpPrivProtocol.Aes128, 0) => V3Flags.Auth | V3Flags.Priv | V3Flags.Reportable,
                (_, SnmpPrivProtocol.Aes128, 1) => V3Flags.Auth | V3Flags.Priv,
                _ => V3Flags.Auth,
            };
            var security = new UsmSecurityParameters([.. EngineId], random.Next(), random.Next(), keys.User.Name, [], []);
            SnmpV3Message message = SnmpV3Message.Create(random.Next(), flags, security, RandomMessages.Scoped(random));

            SnmpV3Message decoded = SnmpV3Codec.Decode(SnmpV3Codec.Encode(message, keys, (ulong)random.NextInt64()), KeysFor, out UsmCheck check);

            Assert.Equal(UsmCheck.Ok, check);
            Assert.Equal(message.Pdu, decoded.Pdu);
        }
    }

    private static UsmLocalizedKeys Keys(UsmUser user) => UsmLocalizedKeys.Create(user, EngineId);

    private static UsmLocalizedKeys? KeysFor(string user) => AllKeys.FirstOrDefault(k => k.User.Name == user);

    private static SnmpV3Message Message(string user, V3Flags flags) => SnmpV3Message.Create(
        7,
        flags,
        new UsmSecurityParameters([.. EngineId], 3, 12345, user, [], []),
        new ScopedPdu([.. EngineId], string.Empty, new SnmpPdu(PduType.Response, 42, SnmpErrorStatus.NoError, 0, [new VarBind(WellKnownOids.SysName, SnmpValue.OctetString("core-router-1"))])));

    /// <summary>Encodes as given, then signs: for messages SnmpV3Codec.Encode would not produce.</summary>
    private static byte[] SignedPlain(SnmpV3Message message, UsmLocalizedKeys keys)
    {
        byte[] datagram = SnmpCodec.EncodeV3Plain(message with { Security = message.Security with { AuthenticationParameters = [.. new byte[12]] } });
        SnmpCodec.DecodeV3(datagram, out int offset);
        UsmAuthentication.Compute(keys.Auth, keys.AuthKey, datagram).CopyTo(datagram.AsSpan(offset));
        return datagram;
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int length) =>
        Enumerable.Range(0, bytes.Length - length + 1).Select(i => bytes[i..(i + length)]);
}
