using System.Runtime.CompilerServices;
using NetControl.Core.Devices;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Optical power and loss-of-signal alarms of a device over SNMP: power from ENTITY-SENSOR-MIB (RFC 3433) sensors
/// whose units display is "dBm", value x 10^(3 x (scale - 9)) / 10^precision, with entPhysicalIndex taken to equal
/// the port's ifIndex (as on the simulator; devices with another mapping need entAliasMappingTable, not read
/// yet); port names from IF-MIB ifName. Alarms: an administratively up interface whose ifOperStatus is down is a
/// LOS alarm; <see cref="WatchAsync"/> turns linkDown/linkUp notifications from this device into raised and cleared
/// LOS alarms, after reporting the alarms active when it starts.
/// </summary>
public sealed class SnmpOpticalMonitor(
    SnmpClient client,
    SnmpTarget target,
    string device,
    SnmpTrapReceiver? receiver = null,
    double noLightThresholdDbm = -20,
    TimeProvider? timeProvider = null) : IOpticalPowerMonitor, IAlarmSource
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<IReadOnlyList<PortPower>> ReadPowerAsync(IReadOnlyCollection<string>? ports = null, CancellationToken cancellationToken = default)
    {
        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var units = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorUnitsDisplay, cancellationToken).ConfigureAwait(false);
        var scale = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorScale, cancellationToken).ConfigureAwait(false);
        var precision = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorPrecision, cancellationToken).ConfigureAwait(false);
        var values = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorValue, cancellationToken).ConfigureAwait(false);
        var wanted = ports is { Count: > 0 } ? new HashSet<string>(ports, StringComparer.Ordinal) : null;
        var result = new List<PortPower>();
        foreach (var (index, value) in values.OrderBy(v => v.Key))
        {
            if (!units.TryGetValue(index, out var unit) || !unit.AsString().Equals("dBm", StringComparison.OrdinalIgnoreCase)
                || !names.TryGetValue(index, out var name) || (wanted is not null && !wanted.Contains(name.AsString())))
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

        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var readAt = _time.GetUtcNow();
        yield return new DeviceEvent.Resynchronized(device, "initial read", await ReadActiveAlarmsAsync(cancellationToken).ConfigureAwait(false), readAt, ChangesFollow: true);
        await foreach (var n in receiver.Notifications.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!n.Source.Address.Equals(target.EndPoint.Address) || !n.TryGetLinkChange(out int ifIndex, out bool up))
            {
                continue;
            }

            string port = names.TryGetValue(ifIndex, out var name) ? name.AsString() : $"ifIndex {ifIndex}";
            yield return new DeviceEvent.Alarm(Alarm(port, up ? AlarmSeverity.Cleared : AlarmSeverity.Major, _time.GetUtcNow()));
        }
    }

    private DeviceAlarm Alarm(string port, AlarmSeverity severity, DateTimeOffset at) =>
        new(device, port, "LOS", severity, ServiceAffecting: true, at, severity == AlarmSeverity.Cleared ? "linkUp" : "interface operationally down (linkDown)");
}
