namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>Why a received datagram was not delivered.</summary>
public enum SnmpDropReason
{
    Malformed,
    BadCommunity,
    UnknownUser,
    WrongDigest,
    DecryptionError,
    NotInTimeWindow,
    UnexpectedPdu,
}
