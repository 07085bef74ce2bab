using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Security;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// The state one switch's agent shares between its MIB, its request handling and its notifications: the switch, the
/// options, the clock and start instant (sysUpTime, snmpEngineTime), the engine id, the port rows, the writable
/// system strings and the counters.
/// </summary>
internal sealed class AgentContext
{
    public AgentContext(OpticalSwitch sw, SnmpAgentOptions options, ImmutableArray<byte> engineId)
    {
        Switch = sw;
        Options = options;
        Time = sw.Network.Time;
        StartTimestamp = Time.GetTimestamp();
        Engine = new UsmEngine(engineId, options.EngineBoots, Time);
        System = new SystemInfo(options.Contact, options.Location ?? sw.Node.Site ?? sw.Node.Label ?? sw.Name);
        double octetsPerSecond = options.NominalRateBitsPerSecond * options.Utilisation / 8;
        Ports = [.. sw.Ports.Select((port, i) => new PortRow(i + 1, port, LinkOf(sw, port.Name), new PortTraffic(octetsPerSecond, StartTimestamp, Time), options.CountThroughTrafficOnly))];

        // The counters start counting with the light the ports have now.
        var snapshot = sw.Snapshot();
        foreach (var row in Ports)
        {
            row.Count(snapshot, StartTimestamp);
        }
    }

    public OpticalSwitch Switch { get; }

    public SnmpAgentOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>When the agent started: sysUpTime 0, snmpEngineTime 0.</summary>
    public long StartTimestamp { get; }

    /// <summary>The agent's authoritative SNMP engine: snmpEngineID, snmpEngineBoots, snmpEngineTime.</summary>
    public UsmEngine Engine { get; }

    public ImmutableArray<byte> EngineId => Engine.EngineId;

    /// <summary>Rows in topology port order; ifIndex = position + 1.</summary>
    public ImmutableArray<PortRow> Ports { get; }

    public SystemInfo System { get; }

    public SnmpAgentCounters Counters { get; } = new();

    /// <summary>sysUpTime at <paramref name="timestamp"/>, in hundredths of a second (wraps after 497 days, as TimeTicks do).</summary>
    public uint UpTime(long timestamp) => unchecked((uint)(ulong)(Time.GetElapsedTime(StartTimestamp, timestamp).Ticks / (TimeSpan.TicksPerMillisecond * 10)));

    /// <summary>sysUpTime now.</summary>
    public uint UpTime() => UpTime(Time.GetTimestamp());

    public MibReadContext ReadContext() => new(Switch, Time.GetTimestamp());

    private static string? LinkOf(OpticalSwitch sw, string port) =>
        sw.Network.Topology.Links.FirstOrDefault(l =>
            (l.A.Node == sw.Name && string.Equals(l.A.Port, port, StringComparison.OrdinalIgnoreCase))
            || (l.B.Node == sw.Name && string.Equals(l.B.Port, port, StringComparison.OrdinalIgnoreCase)))?.Id;
}
