using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Text;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// The SNMPv3 message layout (RFC 3412 section 6, RFC 3414 section 2.4):
/// SEQUENCE { msgVersion 3, SEQUENCE { msgID, msgMaxSize, msgFlags, msgSecurityModel 3 },
/// OCTET STRING containing UsmSecurityParameters, ScopedPDU or encryptedPDU OCTET STRING }.
/// </summary>
internal static class V3Serializer
{
    /// <summary>msgSecurityModel of the User-based Security Model.</summary>
    public const int UsmSecurityModel = 3;

    /// <summary>Longest SnmpEngineID (RFC 3411) and msgUserName (RFC 3414).</summary>
    public const int MaxEngineIdAndUserName = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(SnmpV3Message message)
    {
        Validate(message);
        byte[] security = EncodeSecurityParameters(message.Security);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)SnmpVersion.V3);
            using (writer.PushSequence())
            {
                writer.WriteInteger(message.MessageId);
                writer.WriteInteger(message.MaxSize);
                writer.WriteOctetString([(byte)message.Flags]);
                writer.WriteInteger(UsmSecurityModel);
            }

            writer.WriteOctetString(security);
            if (message.Flags.HasFlag(V3Flags.Priv))
            {
                writer.WriteOctetString(message.EncryptedPdu.AsSpan());
            }
            else
            {
                WriteScopedPdu(writer, message.Pdu!);
            }
        }

        return SnmpCodec.Finish(writer);
    }

    /// <summary>Decodes a datagram; with <paramref name="headerOnly"/> stops after the security parameters (Pdu null, EncryptedPdu empty).</summary>
    public static SnmpV3Message Decode(ReadOnlySpan<byte> datagram, bool headerOnly, out int authParamsOffset)
    {
        SnmpCodec.CheckSize(datagram);
        var outer = new SnmpBerReader(datagram);
        SnmpBerReader message = outer.ReadSequence("message");
        int at = message.Offset;
        int version = message.ReadInt32("msgVersion");
        if (version != (int)SnmpVersion.V3)
        {
            throw new SnmpDecodeException($"msgVersion: {version} is not SNMPv3 (3)", at);
        }

        SnmpBerReader header = message.ReadSequence("msgGlobalData");
        int messageId = header.ReadInt32("msgID", min: 0);
        int maxSize = header.ReadInt32("msgMaxSize", min: SnmpV3Message.MinMaxSize);
        at = header.Offset;
        ReadOnlySpan<byte> flagBytes = header.ReadOctetString("msgFlags", out _);
        if (flagBytes.Length != 1)
        {
            throw new SnmpDecodeException($"msgFlags: {flagBytes.Length} bytes, not 1", at);
        }

        var flags = (V3Flags)flagBytes[0];
        if (flags.HasFlag(V3Flags.Priv) && !flags.HasFlag(V3Flags.Auth))
        {
            throw new SnmpDecodeException("msgFlags: privacy without authentication (RFC 3412 section 7.2 step 5d)", at);
        }

        at = header.Offset;
        int model = header.ReadInt32("msgSecurityModel");
        if (model != UsmSecurityModel)
        {
            throw new SnmpDecodeException($"msgSecurityModel: {model} is not USM (3)", at);
        }

        header.ThrowIfNotEmpty("msgGlobalData");
        UsmSecurityParameters security = ReadSecurityParameters(ref message, out authParamsOffset);
        ScopedPdu? pdu = null;
        ImmutableArray<byte> encrypted = [];
        if (!headerOnly)
        {
            if (flags.HasFlag(V3Flags.Priv))
            {
                encrypted = [.. message.ReadOctetString("encryptedPDU", out _)];
            }
            else
            {
                pdu = ReadScopedPdu(ref message);
            }

            message.ThrowIfNotEmpty("message");
            outer.ThrowIfNotEmpty("datagram");
        }

        return new SnmpV3Message(messageId, maxSize, flags, security, pdu, encrypted);
    }

    public static byte[] EncodeScopedPdu(ScopedPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        WriteScopedPdu(writer, pdu);
        return writer.Encode();
    }

    /// <summary>Decodes a scoped PDU that fills <paramref name="encoded"/> exactly (a decrypted one: AES adds no padding).</summary>
    public static ScopedPdu DecodeScopedPdu(ReadOnlySpan<byte> encoded)
    {
        var reader = new SnmpBerReader(encoded);
        ScopedPdu pdu = ReadScopedPdu(ref reader);
        reader.ThrowIfNotEmpty("decrypted scopedPDU");
        return pdu;
    }

    private static void WriteScopedPdu(AsnWriter writer, ScopedPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        ArgumentNullException.ThrowIfNull(pdu.ContextName);
        byte[] contextName = StrictUtf8.GetBytes(pdu.ContextName);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(pdu.ContextEngineId.AsSpan());
            writer.WriteOctetString(contextName);
            PduSerializer.Write(writer, pdu.Pdu);
        }
    }

    private static ScopedPdu ReadScopedPdu(ref SnmpBerReader reader)
    {
        SnmpBerReader scoped = reader.ReadSequence("scopedPDU");
        ImmutableArray<byte> contextEngineId = [.. scoped.ReadOctetString("contextEngineID", out _)];
        int at = scoped.Offset;
        string contextName = Utf8("contextName", scoped.ReadOctetString("contextName", out _), at);
        SnmpPdu pdu = PduSerializer.Read(ref scoped);
        scoped.ThrowIfNotEmpty("scopedPDU");
        return new ScopedPdu(contextEngineId, contextName, pdu);
    }

    private static byte[] EncodeSecurityParameters(UsmSecurityParameters security)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(security.EngineId.AsSpan());
            writer.WriteInteger(security.EngineBoots);
            writer.WriteInteger(security.EngineTime);
            writer.WriteOctetString(StrictUtf8.GetBytes(security.UserName));
            writer.WriteOctetString(security.AuthenticationParameters.AsSpan());
            writer.WriteOctetString(security.PrivacyParameters.AsSpan());
        }

        return writer.Encode();
    }

    private static UsmSecurityParameters ReadSecurityParameters(ref SnmpBerReader message, out int authParamsOffset)
    {
        ReadOnlySpan<byte> content = message.ReadOctetString("msgSecurityParameters", out int contentOffset);
        var outer = new SnmpBerReader(content, contentOffset);
        SnmpBerReader usm = outer.ReadSequence("UsmSecurityParameters");
        int at = usm.Offset;
        ReadOnlySpan<byte> engineId = usm.ReadOctetString("msgAuthoritativeEngineID", out _);
        if (engineId.Length > MaxEngineIdAndUserName)
        {
            throw new SnmpDecodeException($"msgAuthoritativeEngineID: {engineId.Length} bytes, more than {MaxEngineIdAndUserName}", at);
        }

        int boots = usm.ReadInt32("msgAuthoritativeEngineBoots", min: 0);
        int time = usm.ReadInt32("msgAuthoritativeEngineTime", min: 0);
        at = usm.Offset;
        ReadOnlySpan<byte> user = usm.ReadOctetString("msgUserName", out _);
        if (user.Length > MaxEngineIdAndUserName)
        {
            throw new SnmpDecodeException($"msgUserName: {user.Length} bytes, more than {MaxEngineIdAndUserName}", at);
        }

        string userName = Utf8("msgUserName", user, at);
        ImmutableArray<byte> authParams = [.. usm.ReadOctetString("msgAuthenticationParameters", out authParamsOffset)];
        ImmutableArray<byte> privParams = [.. usm.ReadOctetString("msgPrivacyParameters", out _)];
        usm.ThrowIfNotEmpty("UsmSecurityParameters");
        outer.ThrowIfNotEmpty("msgSecurityParameters");
        return new UsmSecurityParameters([.. engineId], boots, time, userName, authParams, privParams);
    }

    private static string Utf8(string what, ReadOnlySpan<byte> bytes, int at)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SnmpDecodeException($"{what}: not UTF-8 (SnmpAdminString)", at, ex);
        }
    }

    private static void Validate(SnmpV3Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Security);
        ArgumentNullException.ThrowIfNull(message.Security.UserName);
        UsmSecurityParameters security = message.Security;
        bool priv = message.Flags.HasFlag(V3Flags.Priv);
        string? problem =
            message.MessageId < 0 ? "MessageId is negative"
            : message.MaxSize < SnmpV3Message.MinMaxSize ? $"MaxSize {message.MaxSize} is below {SnmpV3Message.MinMaxSize}"
            : priv && !message.Flags.HasFlag(V3Flags.Auth) ? "privacy needs authentication"
            : security.EngineBoots < 0 || security.EngineTime < 0 ? "EngineBoots and EngineTime must not be negative"
            : security.EngineId.Length > MaxEngineIdAndUserName ? $"EngineId has {security.EngineId.Length} bytes, more than {MaxEngineIdAndUserName}"
            : StrictUtf8.GetByteCount(security.UserName) > MaxEngineIdAndUserName ? $"UserName takes more than {MaxEngineIdAndUserName} UTF-8 bytes"
            : priv && message.EncryptedPdu.IsEmpty ? "the privacy flag needs EncryptedPdu (SnmpV3Codec.Encode encrypts Pdu)"
            : !priv && message.Pdu is null ? "a message without privacy needs Pdu"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"SNMPv3 message: {problem}", nameof(message));
        }
    }
}
