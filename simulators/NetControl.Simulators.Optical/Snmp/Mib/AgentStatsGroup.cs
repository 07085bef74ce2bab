using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// The agent's own counters and engine: SNMPv2-MIB snmp group (snmpInPkts, snmpInBadVersions,
/// snmpInBadCommunityNames, snmpInBadCommunityUses, snmpInASNParseErrs, snmpSilentDrops), SNMP-FRAMEWORK-MIB
/// snmpEngine (id, boots, time, max message size), SNMP-MPD-MIB snmpUnknownPDUHandlers, SNMP-TARGET-MIB snmpUnknownContexts and
/// SNMP-USER-BASED-SM-MIB usmStats: the counters a Report PDU carries.
/// </summary>
internal static class AgentStatsGroup
{
    public static void Register(MibBuilder mib, AgentContext agent)
    {
        var counters = agent.Counters;
        Counter(MibOids.SnmpInPkts, SnmpCounter.InPackets);
        Counter(MibOids.SnmpInBadVersions, SnmpCounter.BadVersions);
        Counter(MibOids.SnmpInBadCommunityNames, SnmpCounter.BadCommunityNames);
        Counter(MibOids.SnmpInBadCommunityUses, SnmpCounter.BadCommunityUses);
        Counter(MibOids.SnmpInAsnParseErrs, SnmpCounter.AsnParseErrors);
        Counter(MibOids.SnmpSilentDrops, SnmpCounter.SilentDrops);
        Counter(MibOids.SnmpUnknownPduHandlers, SnmpCounter.UnknownPduHandlers);
        Counter(MibOids.SnmpUnknownContexts, SnmpCounter.UnknownContexts);
        Counter(MibOids.UsmStatsUnsupportedSecLevels, SnmpCounter.UsmUnsupportedSecLevels);
        Counter(MibOids.UsmStatsNotInTimeWindows, SnmpCounter.UsmNotInTimeWindows);
        Counter(MibOids.UsmStatsUnknownUserNames, SnmpCounter.UsmUnknownUserNames);
        Counter(MibOids.UsmStatsUnknownEngineIds, SnmpCounter.UsmUnknownEngineIds);
        Counter(MibOids.UsmStatsWrongDigests, SnmpCounter.UsmWrongDigests);
        Counter(MibOids.UsmStatsDecryptionErrors, SnmpCounter.UsmDecryptionErrors);

        var engineId = SnmpValue.OctetString(agent.EngineId.AsSpan());
        mib.Scalar(MibOids.SnmpEngineId, _ => engineId)
            .Scalar(MibOids.SnmpEngineBoots, _ => SnmpValue.Integer(agent.Engine.Boots))
            .Scalar(MibOids.SnmpEngineTime, _ => SnmpValue.Integer(agent.Engine.Time))
            .Scalar(MibOids.SnmpEngineMaxMessageSize, _ => SnmpValue.Integer(agent.Options.MaxMessageSize));

        void Counter(string oid, SnmpCounter counter) =>
            mib.Scalar(oid, _ => SnmpValue.Counter32(unchecked((uint)counters.Get(counter))));
    }

    /// <summary>The usmStats / MPD counter instance a Report for <paramref name="counter"/> carries, and its value now.</summary>
    public static VarBind ReportVarBind(AgentContext agent, SnmpCounter counter) => new(
        MibOids.Instance(counter switch
        {
            SnmpCounter.UsmUnsupportedSecLevels => MibOids.UsmStatsUnsupportedSecLevels,
            SnmpCounter.UsmNotInTimeWindows => MibOids.UsmStatsNotInTimeWindows,
            SnmpCounter.UsmUnknownUserNames => MibOids.UsmStatsUnknownUserNames,
            SnmpCounter.UsmUnknownEngineIds => MibOids.UsmStatsUnknownEngineIds,
            SnmpCounter.UsmWrongDigests => MibOids.UsmStatsWrongDigests,
            SnmpCounter.UsmDecryptionErrors => MibOids.UsmStatsDecryptionErrors,
            SnmpCounter.UnknownContexts => MibOids.SnmpUnknownContexts,
            _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "not a Report counter"),
        }),
        SnmpValue.Counter32(unchecked((uint)agent.Counters.Get(counter))));
}
