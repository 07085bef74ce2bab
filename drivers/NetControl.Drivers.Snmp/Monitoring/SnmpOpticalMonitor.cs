using System.Net;
using System.Runtime.CompilerServices;
using NetControl.Core.Devices;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Optical power and loss-of-signal alarms of a device over SNMP: power from ENTITY-SENSOR-MIB (RFC 3433) sensors
/// whose entPhySensorType is dBm(14) (CISCO-ENTITY-SENSOR-MIB's value, which optical gear uses) or whose units display
/// is "dBm", value x 10^(3 x (scale - 9)) / 10^precision. A sensor belongs to the interface that ENTITY-MIB's
/// entAliasMappingTable maps it to (entAliasMappingIdentifier = ifIndex.N), or, as a transceiver's sensor usually has
/// no mapping of its own, to that of the nearest entity containing it (entPhysicalContainedIn up to the port entity);
/// a sensor that maps to no interface is skipped. Only a device with no entAliasMappingTable rows at all is taken to
/// number its sensors like its interfaces (entPhysicalIndex = ifIndex, the fallback). When several dBm sensors map to
/// one port (receive and transmit power of a transceiver), the one whose entPhysicalName, else entPhysicalDescr, says
/// receive ("Rx", "receive") is read, else the lowest entPhysicalIndex. Port names come from IF-MIB ifName.
/// That layout (<see cref="PowerSensorLayout"/>) is read once and kept while ENTITY-MIB's entLastChangeTime stays the
/// same, so a poll is one GET of entLastChangeTime.0 and one walk of entPhySensorValue; it is read again when
/// entLastChangeTime changes, when the device does not serve entLastChangeTime (every poll), when a read fails, and
/// when a kept sensor has no value any more.
/// Alarms: an administratively up interface whose ifOperStatus is down is a LOS alarm; <see cref="WatchAsync"/> turns
/// linkDown/linkUp notifications from this device into raised and cleared LOS alarms, after reporting the alarms
/// active when it starts. A notification is from this device when it comes from the agent's address: agents send
/// notifications from a port of their own choosing (net-snmp's snmpd from an ephemeral one), not from the port they
/// answer requests on. Where several agents share one address (the simulator's, all on 127.0.0.1, each sending from
/// its agent socket), <c>trapSource</c> names the exact endpoint this device's notifications come from. Each watch
/// subscribes to the receiver on its own, so several monitors (and watches) on one receiver each see every notification.
/// </summary>
/// <param name="trapSource">
/// The exact endpoint (address and port) this device sends notifications from, for agents that share an address;
/// null (the default): any notification from the agent's address is this device's.
/// </param>
public sealed class SnmpOpticalMonitor(
    SnmpClient client,
    SnmpTarget target,
    string device,
    SnmpTrapReceiver? receiver = null,
    double noLightThresholdDbm = -20,
    TimeProvider? timeProvider = null,
    IPEndPoint? trapSource = null) : IOpticalPowerMonitor, IAlarmSource
{
    /// <summary>entPhySensorType dBm(14), from CISCO-ENTITY-SENSOR-MIB (RFC 3433's EntitySensorDataType has no dBm).</summary>
    public const int SensorTypeDbm = 14;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private PowerSensorLayout? _layout;

    public async Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default)
    {
        var wanted = ports is { Count: > 0 } ? new HashSet<string>(ports, StringComparer.Ordinal) : null;
        List<PortPower> result;
        try
        {
            uint? lastChange = await ReadEntLastChangeAsync(cancellationToken).ConfigureAwait(false);
            var layout = Volatile.Read(ref _layout);
            bool kept = layout is not null && lastChange is not null && layout.LastChange == lastChange;
            if (!kept)
            {
                layout = await RefreshLayoutAsync(lastChange, cancellationToken).ConfigureAwait(false);
            }

            var values = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorValue, cancellationToken).ConfigureAwait(false);
            if (kept && layout!.Sensors.Any(s => !HasValue(values, s.Entity)))
            {
                // A kept sensor is gone although entLastChangeTime did not move: read the layout again.
                layout = await RefreshLayoutAsync(lastChange, cancellationToken).ConfigureAwait(false);
            }

            result = [];
            foreach (var sensor in layout!.Sensors)
            {
                if (!HasValue(values, sensor.Entity) || (wanted is not null && !wanted.Contains(sensor.Port)))
                {
                    continue;
                }

                double dbm = values[sensor.Entity].AsInt32() * Math.Pow(10, sensor.Exponent);
                result.Add(new PortPower(sensor.Port, Math.Round(dbm, 6), dbm >= noLightThresholdDbm));
            }
        }
        catch
        {
            // Whatever failed, the next poll starts from a fresh layout.
            Volatile.Write(ref _layout, null);
            throw;
        }

        if (wanted is not null && result.Count < wanted.Count)
        {
            var missing = wanted.Except(result.Select(r => r.Port)).Order(StringComparer.Ordinal);
            throw new SnmpException(target.Display, $"no dBm sensor for port(s) {string.Join(", ", missing)}");
        }

        return result;
    }

    public async Task<IReadOnlyList<DeviceAlarm>> ReadActiveAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var admin = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfAdminStatus, cancellationToken).ConfigureAwait(false);
        var oper = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfOperStatus, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return
        [
            .. oper.Where(o => o.Value.AsInt32() == 2 && admin.TryGetValue(o.Key, out var a) && a.AsInt32() == 1)
                .OrderBy(o => o.Key)
                .Select(o => Alarm(names.TryGetValue(o.Key, out var n) ? n.AsString() : $"ifIndex {o.Key}", AlarmSeverity.Major, now)),
        ];
    }

    /// <summary>Alarms active now (as raised alarms), then one event per linkDown/linkUp notification from this device.</summary>
    public async IAsyncEnumerable<DeviceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (receiver is null)
        {
            throw new InvalidOperationException($"{device}: watching alarms needs an SnmpTrapReceiver the device sends its notifications to");
        }

        // Subscribed before the initial read, so that a change during it is not lost.
        using var subscription = receiver.Subscribe();
        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var readAt = _time.GetUtcNow();
        yield return new DeviceEvent.Resynchronized(device, "initial read", await ReadActiveAlarmsAsync(cancellationToken).ConfigureAwait(false), readAt, ChangesFollow: true);
        await foreach (var n in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!IsFromDevice(n.Source) || !n.TryGetLinkChange(out int ifIndex, out bool up))
            {
                continue;
            }

            string port = names.TryGetValue(ifIndex, out var name) ? name.AsString() : $"ifIndex {ifIndex}";
            yield return new DeviceEvent.Alarm(Alarm(port, up ? AlarmSeverity.Cleared : AlarmSeverity.Major, _time.GetUtcNow()));
        }
    }

    /// <summary>entLastChangeTime.0, or null when the device does not serve it (noSuchObject, noSuchInstance, another type).</summary>
    private async Task<uint?> ReadEntLastChangeAsync(CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync(target, [WellKnownOids.EntLastChangeTime], cancellationToken).ConfigureAwait(false);
        return answer is [{ Value.Type: SnmpValueType.TimeTicks } only] ? only.Value.AsUInt32() : null;
    }

    private async Task<PowerSensorLayout> RefreshLayoutAsync(uint? lastChange, CancellationToken cancellationToken)
    {
        var layout = await PowerSensorLayout.ReadAsync(client, target, lastChange, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _layout, layout);
        return layout;
    }

    private static bool HasValue(Dictionary<int, SnmpValue> values, int entity) =>
        values.TryGetValue(entity, out var value) && value.Type == SnmpValueType.Integer;

    /// <summary>From <c>trapSource</c> exactly when one is given, else from the agent's address (any port).</summary>
    private bool IsFromDevice(IPEndPoint source) =>
        trapSource is not null
            ? Normalize(source.Address).Equals(Normalize(trapSource.Address)) && source.Port == trapSource.Port
            : Normalize(source.Address).Equals(Normalize(target.EndPoint.Address));

    /// <summary>An IPv4 address received on a dual-mode socket (::ffff:a.b.c.d) as the IPv4 address it is.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private DeviceAlarm Alarm(string port, AlarmSeverity severity, DateTimeOffset at) =>
        new(device, port, "LOS", severity, ServiceAffecting: true, at, severity == AlarmSeverity.Cleared ? "linkUp" : "interface operationally down (linkDown)");
}
