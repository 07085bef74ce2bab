using System.Collections.Frozen;
using System.Collections.Immutable;
using NetControl.Core.Devices;
using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// One consistent view of a switch, taken under the network lock: its connections (in creation order), the light at
/// every port, its active alarms and the ports whose mirrors are failed.
/// </summary>
public sealed class SwitchSnapshot
{
    internal SwitchSnapshot(
        ImmutableArray<SwitchConnection> connections,
        FrozenDictionary<string, PortLight> power,
        ImmutableArray<DeviceAlarm> alarms,
        FrozenSet<string> failedMirrors,
        double noLightThresholdDbm)
    {
        Connections = connections;
        Power = power;
        Alarms = alarms;
        FailedMirrors = failedMirrors;
        NoLightThresholdDbm = noLightThresholdDbm;
    }

    public ImmutableArray<SwitchConnection> Connections { get; }

    /// <summary>Light at every port of the switch, by port name.</summary>
    public FrozenDictionary<string, PortLight> Power { get; }

    /// <summary>Active alarms, ordered by port.</summary>
    public ImmutableArray<DeviceAlarm> Alarms { get; }

    /// <summary>Ports whose mirror is failed: no light passes from them (see <c>SwitchFaults.FailMirror</c>).</summary>
    public FrozenSet<string> FailedMirrors { get; }

    /// <summary>The no-light threshold of the light model (<see cref="LightOptions.NoLightThresholdDbm"/>).</summary>
    public double NoLightThresholdDbm { get; }

    /// <summary>The connection that takes the light entering <paramref name="port"/>, if any.</summary>
    public SwitchConnection? ConnectionFrom(string port) => Connections.FirstOrDefault(c => c.ReceivesAt(port));

    /// <summary>The connection that drives the output of <paramref name="port"/>, if any.</summary>
    public SwitchConnection? ConnectionInto(string port) => Connections.FirstOrDefault(c => c.TransmitsAt(port));

    /// <summary>True when light above the threshold arrives at <paramref name="port"/>.</summary>
    public bool HasLight(string port) => Power[port].Received >= NoLightThresholdDbm;
}
