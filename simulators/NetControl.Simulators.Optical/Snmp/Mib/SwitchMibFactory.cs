namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>Builds the MIB of one switch's agent: system, interfaces, physical entities, entity sensors and the agent's own statistics.</summary>
internal static class SwitchMibFactory
{
    public static SwitchMib Create(AgentContext agent)
    {
        var mib = new MibBuilder();
        SystemGroup.Register(mib, agent);
        InterfacesGroup.Register(mib, agent);
        var entities = PhysicalEntities.Of(agent);
        PhysicalEntityGroup.Register(mib, entities);
        EntitySensorGroup.Register(mib, agent, entities);
        AgentStatsGroup.Register(mib, agent);
        return mib.Build();
    }
}
