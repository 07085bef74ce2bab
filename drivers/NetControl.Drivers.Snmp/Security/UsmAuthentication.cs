using System.Security.Cryptography;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// Message authentication (RFC 3414 6 and 7, RFC 7860 4): an HMAC with the localized key over the whole serialized
/// message, computed while msgAuthenticationParameters holds <see cref="MacLength"/> zero octets, and truncated to
/// that length (HMAC-SHA-96: 12 octets; HMAC-192-SHA-256: 24). The codec writes the result into that field.
/// </summary>
public static class UsmAuthentication
{
    /// <summary>
    /// Length of msgAuthenticationParameters: 12 for <see cref="SnmpAuthProtocol.HmacSha1"/>, 24 for
    /// <see cref="SnmpAuthProtocol.HmacSha256"/>, 0 for <see cref="SnmpAuthProtocol.None"/> (the field is empty).
    /// </summary>
    public static int MacLength(SnmpAuthProtocol auth) => auth switch
    {
        SnmpAuthProtocol.None => 0,
        SnmpAuthProtocol.HmacSha1 => 12,
        SnmpAuthProtocol.HmacSha256 => 24,
        _ => throw new ArgumentException($"unknown authentication protocol {(int)auth}", nameof(auth)),
    };

    /// <summary>The truncated MAC of <paramref name="wholeMessage"/> (its msgAuthenticationParameters zero-filled).</summary>
    public static byte[] Compute(SnmpAuthProtocol auth, byte[] authKey, ReadOnlySpan<byte> wholeMessage)
    {
        Span<byte> full = stackalloc byte[SHA256.HashSizeInBytes];
        int length = Hmac(auth, authKey, wholeMessage, full);
        return full[..length].ToArray();
    }

    /// <summary>
    /// True when <paramref name="mac"/> is the MAC of <paramref name="wholeMessageWithZeroedMac"/> (the received message
    /// with msgAuthenticationParameters overwritten by zeros); false for a MAC of the wrong length. Compares in
    /// constant time.
    /// </summary>
    public static bool Verify(SnmpAuthProtocol auth, byte[] authKey, ReadOnlySpan<byte> wholeMessageWithZeroedMac, ReadOnlySpan<byte> mac)
    {
        Span<byte> full = stackalloc byte[SHA256.HashSizeInBytes];
        int length = Hmac(auth, authKey, wholeMessageWithZeroedMac, full);
        return mac.Length == length && CryptographicOperations.FixedTimeEquals(full[..length], mac);
    }

    // Writes the full HMAC to destination; returns the truncated length.
    private static int Hmac(SnmpAuthProtocol auth, byte[] authKey, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        if (auth == SnmpAuthProtocol.None)
        {
            throw new ArgumentException("no MAC without an authentication protocol", nameof(auth));
        }

        int keyLength = UsmKeys.KeyLength(auth);
        if (authKey.Length != keyLength)
        {
            throw new ArgumentException($"{auth} key must be {keyLength} octets, got {authKey.Length}", nameof(authKey));
        }

        _ = auth == SnmpAuthProtocol.HmacSha1
            ? HMACSHA1.HashData(authKey, message, destination)
            : HMACSHA256.HashData(authKey, message, destination);
        return MacLength(auth);
    }
}
