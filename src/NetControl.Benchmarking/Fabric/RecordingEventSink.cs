using System.Collections.Concurrent;
using NetControl.Core.Devices;
using NetControl.Core.Topology;
using NetControl.Orchestration.Restoration;

namespace NetControl.Benchmarking.Fabric;

/// <summary>
/// Passes device events on to the controller and keeps the loss-of-light alarms seen per port, so that a benchmark
/// that finds a lightpath never restored can say whether the switches reported its cut at all.
/// </summary>
public sealed class RecordingEventSink(IDeviceEventSink inner, TimeProvider? time = null) : IDeviceEventSink
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<PortRef, ConcurrentQueue<string>> _seen = new();
    private readonly AlarmEdges _edges = new();

    public void OnDeviceEvent(DeviceEvent deviceEvent)
    {
        // Polled levels arrive every poll: note only what changed.
        IReadOnlyList<DeviceAlarm> edges;
        lock (_edges)
        {
            edges = _edges.Next(deviceEvent);
        }

        string how = deviceEvent is DeviceEvent.Resynchronized r ? $" ({r.Reason})" : string.Empty;
        foreach (var alarm in edges.Where(a => a.Condition == "LOS"))
        {
            Note(new PortRef(alarm.Device, alarm.Entity), $"LOS {(alarm.IsCleared ? "cleared" : "raised")}{how}");
        }

        inner.OnDeviceEvent(deviceEvent);
    }

    public void OnPortStatus(string device, string port, bool hasLight, string cause)
    {
        Note(new PortRef(device, port), hasLight ? "light (port status)" : "no light (port status)");
        inner.OnPortStatus(device, port, hasLight, cause);
    }

    /// <summary>What was seen at <paramref name="port"/>, oldest first, each with its time of arrival.</summary>
    public IReadOnlyList<string> Seen(PortRef port) => _seen.TryGetValue(port, out var q) ? [.. q] : [];

    private void Note(PortRef port, string what) =>
        _seen.GetOrAdd(port, _ => new ConcurrentQueue<string>()).Enqueue($"{what} at {_time.GetUtcNow():HH:mm:ss.fff}");
}
