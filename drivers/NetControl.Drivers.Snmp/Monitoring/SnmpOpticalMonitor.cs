using System.Runtime.CompilerServices;
using NetControl.Core.Devices;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Optical power and loss-of-signal alarms of a device over SNMP: power from ENTITY-SENSOR-MIB (RFC 3433) sensors
/// whose entPhySensorType is dBm(14) (CISCO-ENTITY-SENSOR-MIB's value, which optical gear uses) or whose units display
/// is "dBm", value x 10^(3 x (scale - 9)) / 10^precision, with entPhysicalIndex taken to equal
/// the port's ifIndex (as on the simulator; devices with another mapping need entAliasMappingTable, not read
/// yet); port names from IF-MIB ifName. Alarms: an administratively up interface whose ifOperStatus is down is a
/// LOS alarm; <see cref="WatchAsync"/> turns linkDown/linkUp notifications from this device (its exact agent
/// endpoint, address and port: simulated agents share 127.0.0.1) into raised and cleared LOS alarms, after reporting
/// the alarms active when it starts. Each watch subscribes to the receiver on its own, so several monitors (and
/// watches) on one receiver each see every notification.
/// </summary>
public sealed class SnmpOpticalMonitor(
    SnmpClient client,
    SnmpTarget target,
    string device,
    SnmpTrapReceiver? receiver = null,
    double noLightThresholdDbm = -20,
    TimeProvider? timeProvider = null) : IOpticalPowerMonitor, IAlarmSource
{
    /// <summary>entPhySensorType dBm(14), from CISCO-ENTITY-SENSOR-MIB (RFC 3433's EntitySensorDataType has no dBm).</summary>
    public const int SensorTypeDbm = 14;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default)
    {
        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var types = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorType, cancellationToken).ConfigureAwait(false);
        var units = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorUnitsDisplay, cancellationToken).ConfigureAwait(false);
        var scale = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorScale, cancellationToken).ConfigureAwait(false);
        var precision = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorPrecision, cancellationToken).ConfigureAwait(false);
        var values = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorValue, cancellationToken).ConfigureAwait(false);
        var wanted = ports is { Count: > 0 } ? new HashSet<string>(ports, StringComparer.Ordinal) : null;
        var result = new List<PortPower>();
        foreach (var (index, value) in values.OrderBy(v => v.Key))
        {
            if (!IsDbm(types, units, index) || !names.TryGetValue(index, out var name) || (wanted is not null && !wanted.Contains(name.AsString())))
            {
                continue;
            }

            int exponent = (3 * ((scale.TryGetValue(index, out var s) ? s.AsInt32() : 9) - 9)) - (precision.TryGetValue(index, out var p) ? p.AsInt32() : 0);
            double dbm = value.AsInt32() * Math.Pow(10, exponent);
            result.Add(new PortPower(name.AsString(), Math.Round(dbm, 6), dbm >= noLightThresholdDbm));
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
            if (!n.Source.Equals(target.EndPoint) || !n.TryGetLinkChange(out int ifIndex, out bool up))
            {
                continue;
            }

            string port = names.TryGetValue(ifIndex, out var name) ? name.AsString() : $"ifIndex {ifIndex}";
            yield return new DeviceEvent.Alarm(Alarm(port, up ? AlarmSeverity.Cleared : AlarmSeverity.Major, _time.GetUtcNow()));
        }
    }

    private static bool IsDbm(Dictionary<int, SnmpValue> types, Dictionary<int, SnmpValue> units, int index) =>
        (types.TryGetValue(index, out var type) && type.Type == SnmpValueType.Integer && type.AsInt32() == SensorTypeDbm)
        || (units.TryGetValue(index, out var unit) && unit.Type == SnmpValueType.OctetString && unit.AsString().Equals("dBm", StringComparison.OrdinalIgnoreCase));

    private DeviceAlarm Alarm(string port, AlarmSeverity severity, DateTimeOffset at) =>
        new(device, port, "LOS", severity, ServiceAffecting: true, at, severity == AlarmSeverity.Cleared ? "linkUp" : "interface operationally down (linkDown)");
}
