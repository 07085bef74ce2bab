namespace NetControl.Drivers.Snmp.Messages;

/// <summary>SNMP PDU types: the context-specific constructed tag number of each PDU (RFC 3416).</summary>
public enum PduType
{
    GetRequest = 0,
    GetNextRequest = 1,
    Response = 2,
    SetRequest = 3,
    GetBulkRequest = 5,
    InformRequest = 6,
    SnmpV2Trap = 7,
    Report = 8,
}
