namespace NetControl.Drivers.Snmp.Messages;

/// <summary>
/// OIDs NetControl reads or sends. Scalars are instances (ending ".0", ready for a Get); table columns are
/// the column OID without an index (append ".ifIndex" or walk them); notifications are the
/// snmpTrapOID.0 values. Numbers checked against RFC 3418 (SNMPv2-MIB), RFC 2863 (IF-MIB),
/// RFC 6933 (ENTITY-MIB), RFC 3433 (ENTITY-SENSOR-MIB) and RFC 3414 (SNMP-USER-BASED-SM-MIB).
/// </summary>
public static class WellKnownOids
{
    // SNMPv2-MIB system group, RFC 3418: system = 1.3.6.1.2.1.1

    /// <summary>sysDescr.0.</summary>
    public const string SysDescr = "1.3.6.1.2.1.1.1.0";

    /// <summary>sysObjectID.0.</summary>
    public const string SysObjectId = "1.3.6.1.2.1.1.2.0";

    /// <summary>sysUpTime.0 (TimeTicks); the first varbind of every SNMPv2 notification.</summary>
    public const string SysUpTime = "1.3.6.1.2.1.1.3.0";

    /// <summary>sysContact.0.</summary>
    public const string SysContact = "1.3.6.1.2.1.1.4.0";

    /// <summary>sysName.0.</summary>
    public const string SysName = "1.3.6.1.2.1.1.5.0";

    /// <summary>sysLocation.0.</summary>
    public const string SysLocation = "1.3.6.1.2.1.1.6.0";

    // IF-MIB ifTable, RFC 2863: ifEntry = 1.3.6.1.2.1.2.2.1

    /// <summary>ifIndex column.</summary>
    public const string IfIndex = "1.3.6.1.2.1.2.2.1.1";

    /// <summary>ifDescr column.</summary>
    public const string IfDescr = "1.3.6.1.2.1.2.2.1.2";

    /// <summary>ifType column (IANAifType).</summary>
    public const string IfType = "1.3.6.1.2.1.2.2.1.3";

    /// <summary>ifAdminStatus column: up(1), down(2), testing(3).</summary>
    public const string IfAdminStatus = "1.3.6.1.2.1.2.2.1.7";

    /// <summary>ifOperStatus column: up(1), down(2), testing(3), unknown(4), dormant(5), notPresent(6), lowerLayerDown(7).</summary>
    public const string IfOperStatus = "1.3.6.1.2.1.2.2.1.8";

    // IF-MIB ifXTable, RFC 2863: ifXEntry = 1.3.6.1.2.1.31.1.1.1

    /// <summary>ifName column.</summary>
    public const string IfName = "1.3.6.1.2.1.31.1.1.1.1";

    /// <summary>ifHCInOctets column (Counter64).</summary>
    public const string IfHCInOctets = "1.3.6.1.2.1.31.1.1.1.6";

    /// <summary>ifHCOutOctets column (Counter64).</summary>
    public const string IfHCOutOctets = "1.3.6.1.2.1.31.1.1.1.10";

    /// <summary>ifHighSpeed column (Gauge32, Mbit/s).</summary>
    public const string IfHighSpeed = "1.3.6.1.2.1.31.1.1.1.15";

    /// <summary>ifAlias column.</summary>
    public const string IfAlias = "1.3.6.1.2.1.31.1.1.1.18";

    // Notifications: SNMPv2-MIB snmpTrapOID and the generic traps (snmpTraps = 1.3.6.1.6.3.1.1.5), IF-MIB linkDown/linkUp

    /// <summary>snmpTrapOID.0; the second varbind of every SNMPv2 notification, naming the notification.</summary>
    public const string SnmpTrapOid = "1.3.6.1.6.3.1.1.4.1.0";

    /// <summary>coldStart notification.</summary>
    public const string ColdStart = "1.3.6.1.6.3.1.1.5.1";

    /// <summary>warmStart notification.</summary>
    public const string WarmStart = "1.3.6.1.6.3.1.1.5.2";

    /// <summary>linkDown notification (varbinds ifIndex, ifAdminStatus, ifOperStatus).</summary>
    public const string LinkDown = "1.3.6.1.6.3.1.1.5.3";

    /// <summary>linkUp notification (varbinds ifIndex, ifAdminStatus, ifOperStatus).</summary>
    public const string LinkUp = "1.3.6.1.6.3.1.1.5.4";

    /// <summary>authenticationFailure notification.</summary>
    public const string AuthenticationFailure = "1.3.6.1.6.3.1.1.5.5";

    // ENTITY-MIB, RFC 6933: entPhysicalEntry = 1.3.6.1.2.1.47.1.1.1.1 (indexed by entPhysicalIndex),
    // entAliasMappingEntry = 1.3.6.1.2.1.47.1.3.2.1 (indexed by entPhysicalIndex, entAliasLogicalIndexOrZero)

    /// <summary>entPhysicalDescr column.</summary>
    public const string EntPhysicalDescr = "1.3.6.1.2.1.47.1.1.1.1.2";

    /// <summary>entPhysicalContainedIn column: the entPhysicalIndex of the containing entity, 0 for none.</summary>
    public const string EntPhysicalContainedIn = "1.3.6.1.2.1.47.1.1.1.1.4";

    /// <summary>entPhysicalClass column (PhysicalClass: chassis(3), port(10), sensor(8), ...).</summary>
    public const string EntPhysicalClass = "1.3.6.1.2.1.47.1.1.1.1.5";

    /// <summary>entPhysicalName column.</summary>
    public const string EntPhysicalName = "1.3.6.1.2.1.47.1.1.1.1.7";

    /// <summary>entAliasMappingIdentifier column: the MIB instance (such as ifIndex.N) a physical entity is, per logical entity (0: all).</summary>
    public const string EntAliasMappingIdentifier = "1.3.6.1.2.1.47.1.3.2.1.2";

    /// <summary>entLastChangeTime.0 (TimeTicks): sysUpTime when the entity tables last changed (a module inserted or removed).</summary>
    public const string EntLastChangeTime = "1.3.6.1.2.1.47.1.4.1.0";

    // ENTITY-SENSOR-MIB entPhySensorTable, RFC 3433: entPhySensorEntry = 1.3.6.1.2.1.99.1.1.1, indexed by entPhysicalIndex

    /// <summary>entPhySensorType column (EntitySensorDataType; RFC 3433 defines 1..12, other(1) to truthvalue(12)).</summary>
    public const string EntPhySensorType = "1.3.6.1.2.1.99.1.1.1.1";

    /// <summary>entPhySensorScale column (EntitySensorDataScale: milli(8), units(9), ...).</summary>
    public const string EntPhySensorScale = "1.3.6.1.2.1.99.1.1.1.2";

    /// <summary>entPhySensorPrecision column (-8..9 decimal places).</summary>
    public const string EntPhySensorPrecision = "1.3.6.1.2.1.99.1.1.1.3";

    /// <summary>entPhySensorValue column (Integer32 scaled by scale and precision).</summary>
    public const string EntPhySensorValue = "1.3.6.1.2.1.99.1.1.1.4";

    /// <summary>entPhySensorOperStatus column: ok(1), unavailable(2), nonoperational(3).</summary>
    public const string EntPhySensorOperStatus = "1.3.6.1.2.1.99.1.1.1.5";

    // SNMP-USER-BASED-SM-MIB usmStats, RFC 3414: usmStats = 1.3.6.1.6.3.15.1.1; Report PDUs carry these instances

    /// <summary>usmStatsUnsupportedSecLevels.0.</summary>
    public const string UsmStatsUnsupportedSecLevels = "1.3.6.1.6.3.15.1.1.1.0";

    /// <summary>usmStatsNotInTimeWindows.0.</summary>
    public const string UsmStatsNotInTimeWindows = "1.3.6.1.6.3.15.1.1.2.0";

    /// <summary>usmStatsUnknownUserNames.0.</summary>
    public const string UsmStatsUnknownUserNames = "1.3.6.1.6.3.15.1.1.3.0";

    /// <summary>usmStatsUnknownEngineIDs.0; the Report answering engine-id discovery.</summary>
    public const string UsmStatsUnknownEngineIds = "1.3.6.1.6.3.15.1.1.4.0";

    /// <summary>usmStatsWrongDigests.0.</summary>
    public const string UsmStatsWrongDigests = "1.3.6.1.6.3.15.1.1.5.0";

    /// <summary>usmStatsDecryptionErrors.0.</summary>
    public const string UsmStatsDecryptionErrors = "1.3.6.1.6.3.15.1.1.6.0";
}
