using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Light;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// One port of the switch as the MIB shows it: its ifIndex (its port and sensor entities are numbered from it: <see cref="PhysicalEntities"/>), the side
/// whose light decides ifOperStatus and the optical power sensor (the receive side when the port can receive, else
/// the transmit side: a Glimmerglass output port), the link it lands on (ifAlias) and its traffic counters. With
/// <paramref name="countThroughTrafficOnly"/>, a direction counts only while its light also crosses a cross-connect of
/// this switch (see <see cref="SnmpAgentOptions.CountThroughTrafficOnly"/>).
/// </summary>
internal sealed class PortRow(int ifIndex, Port port, string? link, PortTraffic traffic, bool countThroughTrafficOnly = false)
{
    private uint _lastChange;

    public int IfIndex { get; } = ifIndex;

    public Port Port { get; } = port;

    public string Name => Port.Name;

    /// <summary>The id of the topology link whose end names this port, or empty.</summary>
    public string Link { get; } = link ?? string.Empty;

    public PortTraffic Traffic { get; } = traffic;

    /// <summary>ifLastChange: sysUpTime when the agent last saw ifOperStatus change (0 before the first change).</summary>
    public uint LastChange
    {
        get => Volatile.Read(ref _lastChange);
        set => Volatile.Write(ref _lastChange, value);
    }

    /// <summary>"input", "output" or "bidirectional" (ifDescr).</summary>
    public string DirectionName => Port.Direction switch
    {
        PortDirection.Input => "input",
        PortDirection.Output => "output",
        _ => "bidirectional",
    };

    public bool CanReceive => PortRoles.CanReceive(Port);

    public bool CanTransmit => PortRoles.CanTransmit(Port);

    /// <summary>ifAdminStatus: the topology's administrative state (the model has no runtime change).</summary>
    public bool AdminUp => Port.Admin == AdminState.Up;

    /// <summary>The power the port's monitor reads: received light, or transmitted light for an output-only port.</summary>
    public double MonitoredPower(PortLight light) => CanReceive ? light.Received : light.Transmitted;

    /// <summary>ifOperStatus up: administratively up and the monitored light at or above the no-light threshold.</summary>
    public bool IsOperUp(PortLight light, double thresholdDbm) => AdminUp && MonitoredPower(light) >= thresholdDbm;

    /// <summary>Whether each direction carries light (and so counts octets).</summary>
    public (bool In, bool Out) Carrying(PortLight light, double thresholdDbm) =>
        (AdminUp && CanReceive && light.Received >= thresholdDbm, AdminUp && CanTransmit && light.Transmitted >= thresholdDbm);

    /// <summary>Brings the octet counters up to <paramref name="timestamp"/> with the light of <paramref name="snapshot"/>.</summary>
    public (ulong In, ulong Out) Count(SwitchSnapshot snapshot, long timestamp)
    {
        var (inCarrying, outCarrying) = Carrying(snapshot.Power[Name], snapshot.NoLightThresholdDbm);
        if (countThroughTrafficOnly)
        {
            inCarrying &= snapshot.ConnectionFrom(Name) is not null;
            outCarrying &= snapshot.ConnectionInto(Name) is not null;
        }

        return Traffic.Advance(inCarrying, outCarrying, timestamp);
    }
}
