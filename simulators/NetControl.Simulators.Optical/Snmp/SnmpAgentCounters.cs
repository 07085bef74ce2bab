namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// What one agent counted since it started. The standard counters are also served by its MIB (SNMPv2-MIB snmp
/// group, SNMP-MPD-MIB snmpUnknownPDUHandlers, SNMP-USER-BASED-SM-MIB usmStats, SNMP-TARGET-MIB). Thread-safe.
/// </summary>
public sealed class SnmpAgentCounters
{
    private readonly long[] _values = new long[Enum.GetValues<SnmpCounter>().Length];

    /// <summary>snmpInPkts: datagrams received.</summary>
    public long InPackets => Get(SnmpCounter.InPackets);

    /// <summary>snmpInBadVersions: messages of a version the agent does not speak (v1), dropped.</summary>
    public long BadVersions => Get(SnmpCounter.BadVersions);

    /// <summary>snmpInBadCommunityNames: v2c messages with an unknown community, dropped.</summary>
    public long BadCommunityNames => Get(SnmpCounter.BadCommunityNames);

    /// <summary>snmpInBadCommunityUses: SETs with the read-only community (answered noAccess).</summary>
    public long BadCommunityUses => Get(SnmpCounter.BadCommunityUses);

    /// <summary>snmpInASNParseErrs: datagrams that are not a decodable SNMP message (a v3 security model other than USM included), dropped.</summary>
    public long AsnParseErrors => Get(SnmpCounter.AsnParseErrors);

    /// <summary>snmpSilentDrops: requests whose response (even an empty tooBig) would not fit, dropped.</summary>
    public long SilentDrops => Get(SnmpCounter.SilentDrops);

    /// <summary>snmpUnknownPDUHandlers: PDUs the agent has no handler for (traps, reports, stray responses).</summary>
    public long UnknownPduHandlers => Get(SnmpCounter.UnknownPduHandlers);

    /// <summary>snmpUnknownContexts: v3 requests naming a context other than the default (empty) one.</summary>
    public long UnknownContexts => Get(SnmpCounter.UnknownContexts);

    /// <summary>usmStatsUnsupportedSecLevels.</summary>
    public long UsmUnsupportedSecLevels => Get(SnmpCounter.UsmUnsupportedSecLevels);

    /// <summary>usmStatsNotInTimeWindows.</summary>
    public long UsmNotInTimeWindows => Get(SnmpCounter.UsmNotInTimeWindows);

    /// <summary>usmStatsUnknownUserNames.</summary>
    public long UsmUnknownUserNames => Get(SnmpCounter.UsmUnknownUserNames);

    /// <summary>usmStatsUnknownEngineIDs (each discovery request counts here).</summary>
    public long UsmUnknownEngineIds => Get(SnmpCounter.UsmUnknownEngineIds);

    /// <summary>usmStatsWrongDigests.</summary>
    public long UsmWrongDigests => Get(SnmpCounter.UsmWrongDigests);

    /// <summary>usmStatsDecryptionErrors.</summary>
    public long UsmDecryptionErrors => Get(SnmpCounter.UsmDecryptionErrors);

    /// <summary>SNMPv2-Trap PDUs sent (v2c and v3).</summary>
    public long TrapsSent => Get(SnmpCounter.TrapsSent);

    /// <summary>InformRequest transmissions, retries included.</summary>
    public long InformsSent => Get(SnmpCounter.InformsSent);

    /// <summary>Informs whose acknowledgment arrived.</summary>
    public long InformsAcknowledged => Get(SnmpCounter.InformsAcknowledged);

    /// <summary>Informs given up after their last retry.</summary>
    public long InformsGivenUp => Get(SnmpCounter.InformsGivenUp);

    internal long Get(SnmpCounter counter) => Interlocked.Read(ref _values[(int)counter]);

    internal long Increment(SnmpCounter counter) => Interlocked.Increment(ref _values[(int)counter]);
}
