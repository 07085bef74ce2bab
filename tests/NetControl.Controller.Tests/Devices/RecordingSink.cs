using System.Collections.Concurrent;
using NetControl.Core.Devices;
using NetControl.Orchestration.Restoration;

namespace NetControl.Controller.Tests.Devices;

/// <summary>An event sink that records what it is given and can be told to fail the first calls.</summary>
internal sealed class RecordingSink : IDeviceEventSink
{
    private int _failures;

    public ConcurrentQueue<DeviceEvent> Events { get; } = new();

    public ConcurrentQueue<(string Device, string Port, bool HasLight, string Cause)> PortChanges { get; } = new();

    public void FailNext(int count) => _failures = count;

    public void OnDeviceEvent(DeviceEvent deviceEvent)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("sink failure injected by the test");
        }

        Events.Enqueue(deviceEvent);
    }

    public void OnPortStatus(string device, string port, bool hasLight, string cause) => PortChanges.Enqueue((device, port, hasLight, cause));
}
