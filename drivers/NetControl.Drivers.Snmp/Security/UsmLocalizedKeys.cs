using System.Collections.Immutable;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// A user's keys localized to one authoritative engine (RFC 3414 2.6): what signs, checks, encrypts and decrypts its
/// messages. The privacy key follows net-snmp and RFC 3826: the privacy password goes through password-to-key and
/// localization with the <em>authentication</em> protocol's hash, and AES-128 uses the first 16 octets. Immutable;
/// do not write into the key arrays. <see cref="ToString"/> never shows a key.
/// </summary>
public sealed class UsmLocalizedKeys
{
    private UsmLocalizedKeys(UsmUser user, ImmutableArray<byte> engineId, byte[] authKey, byte[] privKey)
    {
        User = user;
        EngineId = engineId;
        AuthKey = authKey;
        PrivKey = privKey;
    }

    /// <summary>The user the keys belong to.</summary>
    public UsmUser User { get; }

    /// <summary>The user's authentication protocol.</summary>
    public SnmpAuthProtocol Auth => User.Auth;

    /// <summary>The user's privacy protocol.</summary>
    public SnmpPrivProtocol Priv => User.Priv;

    /// <summary>The localized authentication key (20 octets for SHA-1, 32 for SHA-256); empty without authentication.</summary>
    public byte[] AuthKey { get; }

    /// <summary>The AES-128 key (16 octets: the localized privacy key truncated); empty without privacy.</summary>
    public byte[] PrivKey { get; }

    /// <summary>The snmpEngineID the keys are localized to.</summary>
    public ImmutableArray<byte> EngineId { get; }

    /// <summary>
    /// Derives the keys of <paramref name="user"/> for the engine <paramref name="engineId"/> (5 to 32 octets; any
    /// length up to 32, even empty, for a user without authentication, as during discovery). Master keys are cached,
    /// so only the first call for a password pays for password-to-key.
    /// </summary>
    public static UsmLocalizedKeys Create(UsmUser user, ReadOnlySpan<byte> engineId)
    {
        UsmUser.Validate(user);
        if (user.Auth == SnmpAuthProtocol.None)
        {
            if (engineId.Length > UsmKeys.MaxEngineIdLength)
            {
                throw new ArgumentException($"snmpEngineID must be at most {UsmKeys.MaxEngineIdLength} octets, got {engineId.Length}", nameof(engineId));
            }

            return new UsmLocalizedKeys(user, [.. engineId], [], []);
        }

        byte[] authKey = UsmKeys.Localize(user.Auth, UsmMasterKeyCache.Get(user.Auth, user.AuthPassword!), engineId);
        byte[] privKey = [];
        if (user.Priv == SnmpPrivProtocol.Aes128)
        {
            byte[] localized = UsmKeys.Localize(user.Auth, UsmMasterKeyCache.Get(user.Auth, user.PrivPassword!), engineId);
            privKey = localized[..UsmPrivacy.KeyLength];
        }

        return new UsmLocalizedKeys(user, [.. engineId], authKey, privKey);
    }

    /// <summary>The user and engine, never the keys.</summary>
    public override string ToString() => $"UsmLocalizedKeys {{ User = {User.Name}, Auth = {Auth}, Priv = {Priv}, EngineId = {Convert.ToHexString(EngineId.AsSpan())} }}";
}
