using System.Security.Cryptography;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// Salts for AES privacy (RFC 3826 3.1.2.1): a 64-bit counter that starts at a random value and wraps, so no salt
/// repeats under one key for 2^64 messages. Thread-safe; one instance per local engine.
/// </summary>
public sealed class UsmSaltSource
{
    private ulong _last;

    /// <summary>A source starting at a cryptographically random value.</summary>
    public UsmSaltSource()
        : this(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))))
    {
    }

    /// <summary>A source whose first salt is <paramref name="seed"/> (tests, or a value restored at start-up).</summary>
    public UsmSaltSource(ulong seed) => _last = unchecked(seed - 1);

    /// <summary>The next salt: the previous one plus one, wrapping from <see cref="ulong.MaxValue"/> to zero.</summary>
    public ulong Next() => Interlocked.Increment(ref _last);
}
