using System.Collections.Immutable;
using System.Globalization;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// msgSecurityParameters of the User-based Security Model (RFC 3414 section 2.4): the authoritative engine,
/// its boots and time, the user, the digest (12 bytes for HMAC-SHA-96, 24 for HMAC-192-SHA-256, empty
/// without authentication) and the privacy salt (8 bytes for AES, empty without privacy).
/// Equality compares the byte fields by content.
/// </summary>
public sealed record UsmSecurityParameters(
    ImmutableArray<byte> EngineId,
    int EngineBoots,
    int EngineTime,
    string UserName,
    ImmutableArray<byte> AuthenticationParameters,
    ImmutableArray<byte> PrivacyParameters)
{
    /// <summary>The parameters of an engine-id discovery request: everything empty or zero (RFC 3414 section 4).</summary>
    public static UsmSecurityParameters Discovery { get; } = new([], 0, 0, string.Empty, [], []);

    /// <summary>msgAuthoritativeEngineID, never default; 0 to 32 bytes.</summary>
    public ImmutableArray<byte> EngineId { get; init => field = ByteArrays.OrEmpty(value); } = ByteArrays.OrEmpty(EngineId);

    /// <summary>msgAuthenticationParameters, never default.</summary>
    public ImmutableArray<byte> AuthenticationParameters { get; init => field = ByteArrays.OrEmpty(value); } = ByteArrays.OrEmpty(AuthenticationParameters);

    /// <summary>msgPrivacyParameters, never default.</summary>
    public ImmutableArray<byte> PrivacyParameters { get; init => field = ByteArrays.OrEmpty(value); } = ByteArrays.OrEmpty(PrivacyParameters);

    /// <inheritdoc/>
    public bool Equals(UsmSecurityParameters? other) =>
        other is not null
        && ByteArrays.Equal(EngineId, other.EngineId)
        && EngineBoots == other.EngineBoots
        && EngineTime == other.EngineTime
        && string.Equals(UserName, other.UserName, StringComparison.Ordinal)
        && ByteArrays.Equal(AuthenticationParameters, other.AuthenticationParameters)
        && ByteArrays.Equal(PrivacyParameters, other.PrivacyParameters);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ByteArrays.Hash(EngineId), EngineBoots, EngineTime, UserName);

    /// <summary>"engine 80001F88... boots 1 time 83 user 'ops'"; the digest and salt are not shown.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"engine {ByteArrays.Hex(EngineId)} boots {EngineBoots} time {EngineTime} user '{UserName}'");
}
