using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// What a power poll needs that changes only with the device's physical layout: for each port that has a dBm sensor,
/// the sensor to read, the port's name and the sensor's scaling. Read from IF-MIB ifName, ENTITY-SENSOR-MIB type,
/// units, scale and precision, ENTITY-MIB alias mapping and containment, and (only for ports with several dBm sensors)
/// entPhysicalName, then entPhysicalDescr when the names do not tell receive from transmit, each walked no further
/// than the highest such sensor. Kept by <see cref="SnmpOpticalMonitor"/> while entLastChangeTime stays at
/// <see cref="LastChange"/>.
/// </summary>
internal sealed class PowerSensorLayout(uint? lastChange, IReadOnlyList<PowerSensor> sensors)
{
    /// <summary>entLastChangeTime when the layout was read; null when the device does not serve it (nothing tells a change).</summary>
    public uint? LastChange { get; } = lastChange;

    /// <summary>One sensor per port, in ifIndex order.</summary>
    public IReadOnlyList<PowerSensor> Sensors { get; } = sensors;

    public static async Task<PowerSensorLayout> ReadAsync(SnmpClient client, SnmpTarget target, uint? lastChange, CancellationToken cancellationToken)
    {
        var names = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.IfName, cancellationToken).ConfigureAwait(false);
        var types = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorType, cancellationToken).ConfigureAwait(false);
        var units = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorUnitsDisplay, cancellationToken).ConfigureAwait(false);
        var scale = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorScale, cancellationToken).ConfigureAwait(false);
        var precision = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhySensorPrecision, cancellationToken).ConfigureAwait(false);
        var map = await EntityPortMap.ReadAsync(client, target, cancellationToken).ConfigureAwait(false);

        var byPort = new SortedDictionary<int, List<int>>();
        foreach (int sensor in types.Keys.Union(units.Keys).Where(i => IsDbm(types, units, i)).Order())
        {
            if (map.TryGetIfIndex(sensor, out int ifIndex) && names.TryGetValue(ifIndex, out var name) && name.Type == SnmpValueType.OctetString)
            {
                if (!byPort.TryGetValue(ifIndex, out var list))
                {
                    byPort[ifIndex] = list = [];
                }

                list.Add(sensor);
            }
        }

        var chosen = await ReceiveSensorsAsync(client, target, byPort, cancellationToken).ConfigureAwait(false);
        var sensors = new List<PowerSensor>(byPort.Count);
        foreach (var (ifIndex, entity) in chosen)
        {
            int exponent = (3 * ((scale.TryGetValue(entity, out var s) ? s.AsInt32() : 9) - 9)) - (precision.TryGetValue(entity, out var p) ? p.AsInt32() : 0);
            sensors.Add(new PowerSensor(entity, ifIndex, names[ifIndex].AsString(), exponent));
        }

        return new PowerSensorLayout(lastChange, sensors);
    }

    /// <summary>
    /// The sensor to read for each port (ascending ifIndex): the only one, else the first (lowest index) whose
    /// entPhysicalName, else entPhysicalDescr, names receive power, else the first.
    /// </summary>
    private static async Task<List<(int IfIndex, int Entity)>> ReceiveSensorsAsync(SnmpClient client, SnmpTarget target, SortedDictionary<int, List<int>> byPort, CancellationToken cancellationToken)
    {
        var undecided = byPort.Where(p => p.Value.Count > 1).Select(p => p.Key).ToHashSet();
        var receive = new Dictionary<int, int>();
        foreach (string column in new[] { SnmpMibColumns.EntPhysicalName, SnmpMibColumns.EntPhysicalDescr })
        {
            if (undecided.Count == 0)
            {
                break;
            }

            int last = undecided.Max(p => byPort[p][^1]);
            var texts = await SnmpMibColumns.WalkUpToAsync(client, target, column, last, cancellationToken).ConfigureAwait(false);
            foreach (int ifIndex in undecided.ToArray())
            {
                foreach (int sensor in byPort[ifIndex])
                {
                    if (texts.TryGetValue(sensor, out var text) && text.Type == SnmpValueType.OctetString && NamesReceive(text.AsString()))
                    {
                        receive[ifIndex] = sensor;
                        undecided.Remove(ifIndex);
                        break;
                    }
                }
            }
        }

        return [.. byPort.Select(p => (p.Key, receive.TryGetValue(p.Key, out int sensor) ? sensor : p.Value[0]))];
    }

    /// <summary>"Rx Power", "Te1/1 Receive Power Sensor", "rx-power": a word "rx" or the word "receive".</summary>
    private static bool NamesReceive(string text) =>
        text.Contains("receive", StringComparison.OrdinalIgnoreCase)
        || text.Split([' ', '-', '_', '/', ':', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.Equals("rx", StringComparison.OrdinalIgnoreCase));

    private static bool IsDbm(Dictionary<int, SnmpValue> types, Dictionary<int, SnmpValue> units, int index) =>
        (types.TryGetValue(index, out var type) && type.Type == SnmpValueType.Integer && type.AsInt32() == SnmpOpticalMonitor.SensorTypeDbm)
        || (units.TryGetValue(index, out var unit) && unit.Type == SnmpValueType.OctetString && unit.AsString().Equals("dBm", StringComparison.OrdinalIgnoreCase));
}
