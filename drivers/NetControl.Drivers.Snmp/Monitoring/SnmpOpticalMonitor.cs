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
/// one port (receive and transmit power of a transceiver), the one whose entPhysicalName or entPhysicalDescr says
/// receive ("Rx", "receive") is read, else the lowest entPhysicalIndex. Port names come from IF-MIB ifName.
/// Alarms: an administratively up interface whose ifOperStatus is down is a
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
        var map = await EntityPortMap.ReadAsync(client, target, cancellationToken).ConfigureAwait(false);
        var sensors = await SensorPerPortAsync(values.Keys.Where(i => IsDbm(types, units, i)), map, cancellationToken).ConfigureAwait(false);
        var wanted = ports is { Count: > 0 } ? new HashSet<string>(ports, StringComparer.Ordinal) : null;
        var result = new List<PortPower>();
        foreach (var (ifIndex, index) in sensors.OrderBy(e => e.Key))
        {
            if (!names.TryGetValue(ifIndex, out var name) || name.Type != SnmpValueType.OctetString || (wanted is not null && !wanted.Contains(name.AsString())))
            {
                continue;
            }

            int exponent = (3 * ((scale.TryGetValue(index, out var s) ? s.AsInt32() : 9) - 9)) - (precision.TryGetValue(index, out var p) ? p.AsInt32() : 0);
            double dbm = values[index].AsInt32() * Math.Pow(10, exponent);
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

    /// <summary>
    /// The dBm sensor (entPhysicalIndex) to read for each ifIndex. Sensors that map to no interface are left out; of
    /// several on one interface, the one named for receive power wins, else the lowest index.
    /// </summary>
    private async Task<Dictionary<int, int>> SensorPerPortAsync(IEnumerable<int> dbmSensors, EntityPortMap map, CancellationToken cancellationToken)
    {
        var byPort = new Dictionary<int, List<int>>();
        foreach (int sensor in dbmSensors.Order())
        {
            if (map.TryGetIfIndex(sensor, out int ifIndex))
            {
                if (!byPort.TryGetValue(ifIndex, out var list))
                {
                    byPort[ifIndex] = list = [];
                }

                list.Add(sensor);
            }
        }

        var chosen = new Dictionary<int, int>();
        foreach (var (ifIndex, candidates) in byPort)
        {
            chosen[ifIndex] = candidates.Count == 1 ? candidates[0] : await ReceiveSensorAsync(candidates, cancellationToken).ConfigureAwait(false);
        }

        return chosen;
    }

    /// <summary>Of <paramref name="candidates"/> (ascending), the first whose entPhysicalName or entPhysicalDescr names receive power, else the first.</summary>
    private async Task<int> ReceiveSensorAsync(List<int> candidates, CancellationToken cancellationToken)
    {
        string[] oids = [.. candidates.SelectMany(c => new[] { $"{WellKnownOids.EntPhysicalName}.{c}", $"{WellKnownOids.EntPhysicalDescr}.{c}" })];
        var texts = await client.GetAsync(target, oids, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < texts.Count; i++)
        {
            if (texts[i].Value.Type == SnmpValueType.OctetString && NamesReceive(texts[i].Value.AsString()))
            {
                return candidates[i / 2];
            }
        }

        return candidates[0];
    }

    /// <summary>"Rx Power", "Te1/1 Receive Power Sensor", "rx-power": a word "rx" or the word "receive".</summary>
    private static bool NamesReceive(string text) =>
        text.Contains("receive", StringComparison.OrdinalIgnoreCase)
        || text.Split([' ', '-', '_', '/', ':', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Equals("rx", StringComparison.OrdinalIgnoreCase));

    private static bool IsDbm(Dictionary<int, SnmpValue> types, Dictionary<int, SnmpValue> units, int index) =>
        (types.TryGetValue(index, out var type) && type.Type == SnmpValueType.Integer && type.AsInt32() == SensorTypeDbm)
        || (units.TryGetValue(index, out var unit) && unit.Type == SnmpValueType.OctetString && unit.AsString().Equals("dBm", StringComparison.OrdinalIgnoreCase));

    private DeviceAlarm Alarm(string port, AlarmSeverity severity, DateTimeOffset at) =>
        new(device, port, "LOS", severity, ServiceAffecting: true, at, severity == AlarmSeverity.Cleared ? "linkUp" : "interface operationally down (linkDown)");
}
