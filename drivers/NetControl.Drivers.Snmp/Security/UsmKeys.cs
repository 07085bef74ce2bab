using System.Security.Cryptography;
using System.Text;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// USM key derivation. <see cref="PasswordToKey"/> is RFC 3414 A.2 (the password, as UTF-8, repeated to 1 MiB and
/// hashed: the user's master key Ku) with the hash of the authentication protocol (SHA-1, or SHA-256 for RFC 7860);
/// <see cref="Localize"/> is RFC 3414 2.6 (Kul = H(Ku | snmpEngineID | Ku)). Both are pure; password-to-key costs a few
/// milliseconds, so <see cref="UsmLocalizedKeys.Create"/> caches master keys.
/// </summary>
public static class UsmKeys
{
    /// <summary>Octets of repeated password hashed by password-to-key (RFC 3414 A.2: 1 MiB).</summary>
    public const int ExpansionLength = 1_048_576;

    /// <summary>Shortest snmpEngineID (RFC 3411 SnmpEngineID SIZE(5..32)).</summary>
    public const int MinEngineIdLength = 5;

    /// <summary>Longest snmpEngineID.</summary>
    public const int MaxEngineIdLength = 32;

    // Whole passwords repeated to at least this many octets feed the hash in large pieces.
    private const int ChunkTarget = 4096;

    /// <summary>Length of master and localized keys: the digest size, 20 for SHA-1, 32 for SHA-256.</summary>
    public static int KeyLength(SnmpAuthProtocol auth) => auth switch
    {
        SnmpAuthProtocol.HmacSha1 => SHA1.HashSizeInBytes,
        SnmpAuthProtocol.HmacSha256 => SHA256.HashSizeInBytes,
        _ => throw NoKeys(auth),
    };

    /// <summary>The master key Ku of <paramref name="password"/> (not cached; see <see cref="UsmLocalizedKeys"/>).</summary>
    public static byte[] PasswordToKey(SnmpAuthProtocol auth, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var name = HashName(auth);
        byte[] once = Encoding.UTF8.GetBytes(password);
        int repeats = (ChunkTarget / once.Length) + 1;
        byte[] chunk = new byte[once.Length * repeats];
        for (int i = 0; i < repeats; i++)
        {
            once.CopyTo(chunk, i * once.Length);
        }

        try
        {
            // The hashed stream is the password repeated from its first octet; whole repetitions keep it in phase.
            using var hash = IncrementalHash.CreateHash(name);
            for (int remaining = ExpansionLength; remaining > 0; remaining -= chunk.Length)
            {
                hash.AppendData(chunk, 0, Math.Min(remaining, chunk.Length));
            }

            return hash.GetHashAndReset();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(once);
            CryptographicOperations.ZeroMemory(chunk);
        }
    }

    /// <summary>The key localized to one engine: H(Ku | <paramref name="engineId"/> | Ku).</summary>
    public static byte[] Localize(SnmpAuthProtocol auth, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> engineId)
    {
        var name = HashName(auth);
        if (masterKey.Length != KeyLength(auth))
        {
            throw new ArgumentException($"{auth} master key must be {KeyLength(auth)} octets, got {masterKey.Length}", nameof(masterKey));
        }

        CheckEngineId(engineId);
        using var hash = IncrementalHash.CreateHash(name);
        hash.AppendData(masterKey);
        hash.AppendData(engineId);
        hash.AppendData(masterKey);
        return hash.GetHashAndReset();
    }

    /// <summary>Throws unless <paramref name="engineId"/> is 5 to 32 octets long.</summary>
    internal static void CheckEngineId(ReadOnlySpan<byte> engineId)
    {
        if (engineId.Length is < MinEngineIdLength or > MaxEngineIdLength)
        {
            throw new ArgumentException(
                $"snmpEngineID must be {MinEngineIdLength} to {MaxEngineIdLength} octets, got {engineId.Length}", nameof(engineId));
        }
    }

    internal static HashAlgorithmName HashName(SnmpAuthProtocol auth) => auth switch
    {
        SnmpAuthProtocol.HmacSha1 => HashAlgorithmName.SHA1,
        SnmpAuthProtocol.HmacSha256 => HashAlgorithmName.SHA256,
        _ => throw NoKeys(auth),
    };

    private static ArgumentException NoKeys(SnmpAuthProtocol auth) =>
        new($"authentication protocol {auth} has no keys", nameof(auth));
}
