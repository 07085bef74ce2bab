namespace NetControl.Simulators.Optical.Snmp;

/// <summary>The counters an agent keeps (see <see cref="SnmpAgentCounters"/> for what each counts).</summary>
internal enum SnmpCounter
{
    InPackets,
    BadVersions,
    BadCommunityNames,
    BadCommunityUses,
    AsnParseErrors,
    SilentDrops,
    UnknownPduHandlers,
    UnknownContexts,
    UsmUnsupportedSecLevels,
    UsmNotInTimeWindows,
    UsmUnknownUserNames,
    UsmUnknownEngineIds,
    UsmWrongDigests,
    UsmDecryptionErrors,
    TrapsSent,
    InformsSent,
    InformsAcknowledged,
    InformsGivenUp,
}
