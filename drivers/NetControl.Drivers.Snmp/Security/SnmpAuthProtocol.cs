namespace NetControl.Drivers.Snmp.Security;

/// <summary>USM authentication protocols (RFC 3414 section 7, RFC 7860 section 4).</summary>
public enum SnmpAuthProtocol
{
    /// <summary>usmNoAuthProtocol: messages are neither signed nor checked.</summary>
    None,

    /// <summary>usmHMACSHAAuthProtocol (RFC 3414): HMAC-SHA-1, 20-octet key, MAC truncated to 12 octets (HMAC-SHA-96).</summary>
    HmacSha1,

    /// <summary>usmHMAC192SHA256AuthProtocol (RFC 7860): HMAC-SHA-256, 32-octet key, MAC truncated to 24 octets.</summary>
    HmacSha256,
}
