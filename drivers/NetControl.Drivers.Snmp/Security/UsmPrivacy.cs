using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// AES-128 privacy (RFC 3826): AES in CFB mode with 128-bit feedback, no padding (ciphertext and plaintext have the
/// same length). The IV is snmpEngineBoots (4 octets) | snmpEngineTime (4 octets) | salt (8 octets), all big-endian,
/// with the authoritative engine's boots and time as carried in the message; msgPrivacyParameters is the salt.
/// The key is the first 16 octets of the localized privacy key (<see cref="UsmLocalizedKeys.PrivKey"/>).
/// </summary>
public static class UsmPrivacy
{
    /// <summary>AES-128 key length in octets.</summary>
    public const int KeyLength = 16;

    /// <summary>Length of msgPrivacyParameters (the salt) in octets.</summary>
    public const int SaltLength = 8;

    private const int BlockLength = 16;

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> (the serialized scopedPDU); <paramref name="privParameters"/> receives the
    /// 8-octet msgPrivacyParameters. Use a fresh <paramref name="salt"/> for every message (<see cref="UsmSaltSource"/>).
    /// </summary>
    public static byte[] Encrypt(byte[] privKey, int engineBoots, int engineTime, ulong salt, ReadOnlySpan<byte> plaintext, out byte[] privParameters)
    {
        privParameters = new byte[SaltLength];
        BinaryPrimitives.WriteUInt64BigEndian(privParameters, salt);
        return Transform(privKey, engineBoots, engineTime, privParameters, plaintext, encrypt: true);
    }

    /// <summary>
    /// Decrypts an encryptedPDU. Throws <see cref="CryptographicException"/> when <paramref name="privParameters"/> is not
    /// 8 octets (RFC 3826 3.3.2: decryptionError). A wrong key is not detected here: the result is garbage, which the
    /// scopedPDU decoder rejects.
    /// </summary>
    public static byte[] Decrypt(byte[] privKey, int engineBoots, int engineTime, ReadOnlySpan<byte> privParameters, ReadOnlySpan<byte> ciphertext)
    {
        if (privParameters.Length != SaltLength)
        {
            throw new CryptographicException($"AES msgPrivacyParameters must be {SaltLength} octets, got {privParameters.Length}");
        }

        return Transform(privKey, engineBoots, engineTime, privParameters, ciphertext, encrypt: false);
    }

    private static byte[] Transform(byte[] privKey, int engineBoots, int engineTime, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> input, bool encrypt)
    {
        ArgumentNullException.ThrowIfNull(privKey);
        if (privKey.Length < KeyLength)
        {
            throw new ArgumentException($"AES-128 privacy key must be at least {KeyLength} octets, got {privKey.Length}", nameof(privKey));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(engineBoots);
        ArgumentOutOfRangeException.ThrowIfNegative(engineTime);

        Span<byte> iv = stackalloc byte[BlockLength];
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        salt.CopyTo(iv[8..]);

        // CFB is a stream mode but .NET wants whole blocks: pad with zeros and drop the padding's output, which
        // affects nothing before it in either direction.
        int padded = (input.Length + BlockLength - 1) / BlockLength * BlockLength;
        byte[] source = new byte[padded];
        byte[] result = new byte[padded];
        input.CopyTo(source);
        try
        {
            using var aes = Aes.Create();
            aes.SetKey(privKey.AsSpan(0, KeyLength));
            _ = encrypt
                ? aes.EncryptCfb(source, iv, result, PaddingMode.None, feedbackSizeInBits: 128)
                : aes.DecryptCfb(source, iv, result, PaddingMode.None, feedbackSizeInBits: 128);
            return result.AsSpan(0, input.Length).ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(source);
            CryptographicOperations.ZeroMemory(result);
        }
    }
}
