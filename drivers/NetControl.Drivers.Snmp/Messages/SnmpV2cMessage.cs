namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// An SNMPv2c message: SEQUENCE { version 1, community, PDU } (RFC 1901, RFC 3416).
/// The community is carried as its Latin-1 bytes, so every byte value round-trips; its <see cref="ToString"/>
/// redacts it.
/// </summary>
public sealed record SnmpV2cMessage(string Community, SnmpPdu Pdu)
{
    /// <summary>"v2c community=*** GetRequest #42 [...]"; the community is a password and is not shown.</summary>
    public override string ToString() => $"v2c community=*** {Pdu}";
}
