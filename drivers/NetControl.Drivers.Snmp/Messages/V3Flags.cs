namespace NetControl.Drivers.Snmp.Messages;

/// <summary>msgFlags of an SNMPv3 message (RFC 3412): the security level and whether a Report may be sent back.</summary>
[Flags]
public enum V3Flags : byte
{
    /// <summary>noAuthNoPriv, not reportable.</summary>
    None = 0,

    /// <summary>authFlag: the message carries a digest.</summary>
    Auth = 1,

    /// <summary>privFlag: the scoped PDU is encrypted. Valid only together with <see cref="Auth"/>.</summary>
    Priv = 2,

    /// <summary>reportableFlag: the receiver sends a Report PDU when it cannot process the message.</summary>
    Reportable = 4,
}
