namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// Outcome of the User-based Security Model checks <see cref="SnmpV3Codec.Decode"/> performs (RFC 3414
/// section 3.2). Each failure maps to the usmStats counter an agent reports. The engine id (step 3) and the
/// time window (step 7) are checked by the caller, who knows the engine; check the engine id first.
/// </summary>
public enum UsmCheck
{
    /// <summary>The user is known, the digest verified and the scoped PDU decrypted, as the security level asks.</summary>
    Ok,

    /// <summary>No keys for msgUserName (usmStatsUnknownUserNames). A discovery request has an empty user name and lands here.</summary>
    UnknownUser,

    /// <summary>The digest is missing, of the wrong length, or does not verify (usmStatsWrongDigests).</summary>
    WrongDigest,

    /// <summary>The privacy parameters are malformed, or the decrypted scoped PDU does not parse (usmStatsDecryptionErrors).</summary>
    DecryptionError,

    /// <summary>The message asks for authentication or privacy the user has no protocol for (usmStatsUnsupportedSecLevels).</summary>
    UnsupportedSecurityLevel,
}
