namespace NetControl.Drivers.Snmp.Security;

/// <summary>USM privacy protocols.</summary>
public enum SnmpPrivProtocol
{
    /// <summary>usmNoPrivProtocol: the scoped PDU travels in clear.</summary>
    None,

    /// <summary>usmAesCfb128Protocol (RFC 3826): AES-128 in CFB-128 mode, 64-bit salt.</summary>
    Aes128,
}
