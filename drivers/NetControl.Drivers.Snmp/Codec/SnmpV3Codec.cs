using System.Security.Cryptography;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// SNMPv3 with the User-based Security Model (RFC 3414): <see cref="SnmpCodec"/>'s message layout plus the
/// digest (HMAC-SHA-96, HMAC-192-SHA-256 of RFC 7860) and the scoped-PDU encryption (AES-128 CFB of RFC 3826)
/// from <see cref="UsmAuthentication"/> and <see cref="UsmPrivacy"/>.
/// </summary>
public static class SnmpV3Codec
{
    /// <summary>
    /// Encodes <paramref name="message"/> with the security its flags ask for, using keys localized to the
    /// authoritative engine (<see cref="SnmpV3Message.Security"/>). With <see cref="V3Flags.Priv"/> the
    /// scoped PDU (<see cref="SnmpV3Message.Pdu"/>) is encrypted with <paramref name="privacySalt"/> as the
    /// 8-byte msgPrivacyParameters (a sender never reuses a salt); with <see cref="V3Flags.Auth"/> the digest
    /// is computed over the whole message with a zeroed placeholder of the protocol's length and written in.
    /// Without authentication the message is encoded as given and <paramref name="keys"/> may be null.
    /// </summary>
    public static byte[] Encode(SnmpV3Message message, UsmLocalizedKeys? keys, ulong privacySalt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Security);
        bool auth = message.Flags.HasFlag(V3Flags.Auth), priv = message.Flags.HasFlag(V3Flags.Priv);
        if (!auth)
        {
            return V3Serializer.Encode(message);
        }

        if (keys is null || keys.Auth == SnmpAuthProtocol.None || (priv && keys.Priv == SnmpPrivProtocol.None))
        {
            throw new ArgumentException(
                $"flags {message.Flags} need keys with {(priv ? "authentication and privacy" : "authentication")}, got {(keys is null ? "none" : $"{keys.Auth}/{keys.Priv}")}",
                nameof(keys));
        }

        UsmSecurityParameters security = message.Security;
        if (!keys.EngineId.AsSpan().SequenceEqual(security.EngineId.AsSpan()))
        {
            throw new ArgumentException(
                $"the keys are localized to engine {Convert.ToHexString(keys.EngineId.AsSpan())}, the message names {Convert.ToHexString(security.EngineId.AsSpan())}",
                nameof(keys));
        }

        if (priv)
        {
            if (message.Pdu is null)
            {
                throw new ArgumentException("the privacy flag needs Pdu to encrypt", nameof(message));
            }

            byte[] plaintext = V3Serializer.EncodeScopedPdu(message.Pdu);
            byte[] ciphertext = UsmPrivacy.Encrypt(keys.PrivKey, security.EngineBoots, security.EngineTime, privacySalt, plaintext, out byte[] privParameters);
            security = security with { PrivacyParameters = [.. privParameters] };
            message = message with { Pdu = null, EncryptedPdu = [.. ciphertext] };
        }

        int macLength = UsmAuthentication.MacLength(keys.Auth);
        byte[] datagram = V3Serializer.Encode(message with { Security = security with { AuthenticationParameters = [.. new byte[macLength]] } });
        V3Serializer.Decode(datagram, headerOnly: true, out int authParamsOffset);
        byte[] mac = UsmAuthentication.Compute(keys.Auth, keys.AuthKey, datagram);
        mac.AsSpan(0, macLength).CopyTo(datagram.AsSpan(authParamsOffset, macLength));
        return datagram;
    }

    /// <summary>
    /// Decodes a datagram and applies USM's incoming checks in RFC 3414 order: user
    /// (<paramref name="keysForUser"/> returns null for an unknown one), security level, digest, decryption.
    /// Returns the message whatever <paramref name="check"/> says, so that a Report can answer it; the scoped
    /// PDU is decrypted into <see cref="SnmpV3Message.Pdu"/> (and <see cref="SnmpV3Message.EncryptedPdu"/>
    /// emptied) only when <paramref name="check"/> is <see cref="UsmCheck.Ok"/>. Malformed datagrams throw
    /// <see cref="SnmpDecodeException"/>. The caller checks the engine id first and the time window after.
    /// </summary>
    public static SnmpV3Message Decode(ReadOnlySpan<byte> datagram, Func<string, UsmLocalizedKeys?> keysForUser, out UsmCheck check)
    {
        ArgumentNullException.ThrowIfNull(keysForUser);
        return DecodeByParameters(datagram, security => keysForUser(security.UserName), out check);
    }

    /// <summary>
    /// The same, choosing keys from the whole security parameters: a receiver of traps, where the sender is
    /// authoritative, localizes the user's keys to the engine id the message carries.
    /// </summary>
    public static SnmpV3Message DecodeByParameters(ReadOnlySpan<byte> datagram, Func<UsmSecurityParameters, UsmLocalizedKeys?> keysFor, out UsmCheck check)
    {
        ArgumentNullException.ThrowIfNull(keysFor);
        SnmpV3Message message = SnmpCodec.DecodeV3(datagram, out int authParamsOffset);
        check = Check(datagram, authParamsOffset, ref message, keysFor(message.Security));
        return message;
    }

    private static UsmCheck Check(ReadOnlySpan<byte> datagram, int authParamsOffset, ref SnmpV3Message message, UsmLocalizedKeys? keys)
    {
        if (keys is null)
        {
            return UsmCheck.UnknownUser;
        }

        bool auth = message.Flags.HasFlag(V3Flags.Auth), priv = message.Flags.HasFlag(V3Flags.Priv);
        if (!auth)
        {
            return UsmCheck.Ok;
        }

        if (keys.Auth == SnmpAuthProtocol.None || (priv && keys.Priv == SnmpPrivProtocol.None))
        {
            return UsmCheck.UnsupportedSecurityLevel;
        }

        UsmSecurityParameters security = message.Security;
        ReadOnlySpan<byte> mac = security.AuthenticationParameters.AsSpan();
        if (mac.Length != UsmAuthentication.MacLength(keys.Auth))
        {
            return UsmCheck.WrongDigest;
        }

        byte[] zeroed = datagram.ToArray();
        zeroed.AsSpan(authParamsOffset, mac.Length).Clear();
        if (!UsmAuthentication.Verify(keys.Auth, keys.AuthKey, zeroed, mac))
        {
            return UsmCheck.WrongDigest;
        }

        if (!priv)
        {
            return UsmCheck.Ok;
        }

        ScopedPdu scoped;
        try
        {
            byte[] plaintext = UsmPrivacy.Decrypt(keys.PrivKey, security.EngineBoots, security.EngineTime, security.PrivacyParameters.AsSpan(), message.EncryptedPdu.AsSpan());
            scoped = V3Serializer.DecodeScopedPdu(plaintext);
        }
        catch (Exception ex) when (ex is CryptographicException or SnmpDecodeException)
        {
            return UsmCheck.DecryptionError;
        }

        message = message with { Pdu = scoped, EncryptedPdu = [] };
        return UsmCheck.Ok;
    }
}
