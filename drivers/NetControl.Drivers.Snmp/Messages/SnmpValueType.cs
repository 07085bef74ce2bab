namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// The syntax of a varbind value (RFC 3416 ObjectSyntax plus the three exception values of a Response).
/// Unsigned32 travels as Gauge32 (same tag, RFC 2578).
/// </summary>
public enum SnmpValueType
{
    /// <summary>INTEGER (Integer32), universal tag 2.</summary>
    Integer,

    /// <summary>OCTET STRING, universal tag 4.</summary>
    OctetString,

    /// <summary>NULL, universal tag 5: the value of every varbind in a Get, GetNext or GetBulk request.</summary>
    Null,

    /// <summary>OBJECT IDENTIFIER, universal tag 6.</summary>
    ObjectIdentifier,

    /// <summary>IpAddress, [APPLICATION 0] OCTET STRING (SIZE (4)).</summary>
    IpAddress,

    /// <summary>Counter32, [APPLICATION 1] INTEGER (0..4294967295).</summary>
    Counter32,

    /// <summary>Gauge32 (and Unsigned32), [APPLICATION 2] INTEGER (0..4294967295).</summary>
    Gauge32,

    /// <summary>TimeTicks, [APPLICATION 3] INTEGER (0..4294967295), hundredths of a second.</summary>
    TimeTicks,

    /// <summary>Opaque, [APPLICATION 4] OCTET STRING holding an arbitrary BER encoding.</summary>
    Opaque,

    /// <summary>Counter64, [APPLICATION 6] INTEGER (0..18446744073709551615).</summary>
    Counter64,

    /// <summary>noSuchObject exception, [CONTEXT 0] NULL.</summary>
    NoSuchObject,

    /// <summary>noSuchInstance exception, [CONTEXT 1] NULL.</summary>
    NoSuchInstance,

    /// <summary>endOfMibView exception, [CONTEXT 2] NULL.</summary>
    EndOfMibView,
}
