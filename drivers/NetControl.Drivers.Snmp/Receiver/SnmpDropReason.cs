namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>Why a received datagram was not delivered (each counted in <see cref="SnmpReceiverCounters"/> and logged).</summary>
public enum SnmpDropReason
{
    /// <summary>Not a well-formed SNMP message, or a notification without sysUpTime.0 and snmpTrapOID.0 first.</summary>
    Malformed,

    /// <summary>SNMPv2c community not accepted.</summary>
    BadCommunity,

    /// <summary>SNMPv3 user not configured (usmStatsUnknownUserNames).</summary>
    UnknownUser,

    /// <summary>SNMPv3 digest missing, of the wrong length, or not verifying (usmStatsWrongDigests).</summary>
    WrongDigest,

    /// <summary>SNMPv3 scoped PDU that does not decrypt (usmStatsDecryptionErrors).</summary>
    DecryptionError,

    /// <summary>SNMPv3 message older than the sender's time window (usmStatsNotInTimeWindows).</summary>
    NotInTimeWindow,

    /// <summary>A PDU that is not a notification (or a v3 inform, not supported).</summary>
    UnexpectedPdu,

    /// <summary>SNMPv3 message asking for authentication or privacy the user has no protocol for (usmStatsUnsupportedSecLevels).</summary>
    UnsupportedSecurityLevel,

    /// <summary>SNMPv3 message USM accepts but below the security level configured for its user (noAuth for an auth user, noPriv for a priv user).</summary>
    BelowConfiguredSecurityLevel,

    /// <summary>Handling the datagram failed unexpectedly (a bug, not the sender's fault); the loop goes on.</summary>
    HandlerFailed,
}
