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
    private ConnectionIndex? _index;

    internal SwitchSnapshot(
        ImmutableArray<SwitchConnection> connections,
        IReadOnlyDictionary<string, PortLight> power,
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
    public IReadOnlyDictionary<string, PortLight> Power { get; }

    /// <summary>Active alarms, ordered by port.</summary>
    public ImmutableArray<DeviceAlarm> Alarms { get; }

    /// <summary>Ports whose mirror is failed: no light passes from them (see <c>SwitchFaults.FailMirror</c>).</summary>
    public FrozenSet<string> FailedMirrors { get; }

    /// <summary>The no-light threshold of the light model (<see cref="LightOptions.NoLightThresholdDbm"/>).</summary>
    public double NoLightThresholdDbm { get; }

    /// <summary>The connection that takes the light entering <paramref name="port"/>, if any (the first made).</summary>
    public SwitchConnection? ConnectionFrom(string port) => Index().From.GetValueOrDefault(port);

    /// <summary>The connection that drives the output of <paramref name="port"/>, if any (the first made).</summary>
    public SwitchConnection? ConnectionInto(string port) => Index().Into.GetValueOrDefault(port);

    /// <summary>True when light above the threshold arrives at <paramref name="port"/>.</summary>
    public bool HasLight(string port) => Power[port].Received >= NoLightThresholdDbm;

    /// <summary>Connections by the ports they receive at and transmit at, built on first use (a retrieve asks per port).</summary>
    private ConnectionIndex Index()
    {
        if (_index is { } index)
        {
            return index;
        }

        var from = new Dictionary<string, SwitchConnection>(StringComparer.Ordinal);
        var into = new Dictionary<string, SwitchConnection>(StringComparer.Ordinal);
        foreach (var c in Connections)
        {
            from.TryAdd(c.From, c);
            into.TryAdd(c.To, c);
            if (c.Kind == CrossConnectKind.TwoWay)
            {
                from.TryAdd(c.To, c);
                into.TryAdd(c.From, c);
            }
        }

        index = new ConnectionIndex(from, into);
        _index = index;
        return index;
    }

    private sealed record ConnectionIndex(Dictionary<string, SwitchConnection> From, Dictionary<string, SwitchConnection> Into);
}
