namespace NetControl.Core.Devices;

/// <summary>
/// Turns one device's event stream into alarm edges, for readers that want "raised" and "cleared" whichever way the
/// source reports: an alarm event passes through; a full read yields the alarms it lists that were not active before
/// (raised) and those active before that it no longer lists (cleared, dated when the read began). Not thread-safe.
/// </summary>
public sealed class AlarmEdges
{
    private readonly Dictionary<string, Dictionary<(string Entity, string Condition), DeviceAlarm>> _active = new(StringComparer.Ordinal);

    public IReadOnlyList<DeviceAlarm> Next(DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        if (!_active.TryGetValue(deviceEvent.Device, out var active))
        {
            _active[deviceEvent.Device] = active = [];
        }

        switch (deviceEvent)
        {
            case DeviceEvent.Alarm { Value: var alarm }:
                var key = (alarm.Entity, alarm.Condition);
                return (alarm.IsCleared ? active.Remove(key) : active.TryAdd(key, alarm)) ? [alarm] : [];
            case DeviceEvent.Resynchronized resync:
                var edges = new List<DeviceAlarm>();
                var listed = new HashSet<(string, string)>();
                foreach (var alarm in resync.ActiveAlarms.Where(a => !a.IsCleared))
                {
                    var k = (alarm.Entity, alarm.Condition);
                    listed.Add(k);
                    if (active.TryAdd(k, alarm))
                    {
                        edges.Add(alarm);
                    }
                }

                if (active.Count > listed.Count)
                {
                    foreach (var (k, alarm) in active.Where(e => !listed.Contains(e.Key)).ToList())
                    {
                        active.Remove(k);
                        edges.Add(alarm with { Severity = AlarmSeverity.Cleared, OccurredAt = resync.ReadAt ?? alarm.OccurredAt });
                    }
                }

                return edges;
            default:
                return [];
        }
    }
}
