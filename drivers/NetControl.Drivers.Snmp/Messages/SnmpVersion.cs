namespace NetControl.Drivers.Snmp.Messages;

/// <summary>The msgVersion field: 1 for SNMPv2c, 3 for SNMPv3.</summary>
public enum SnmpVersion
{
    V2c = 1,
    V3 = 3,
}
