using Microsoft.Extensions.Logging;
using NetControl.Orchestration.Restoration;

namespace NetControl.Controller.Devices;

/// <summary>
/// One loop per device with alarms: <c>IAlarmSource.WatchAsync</c> into the event sink. A loop survives errors (of the
/// source or the sink), logs them and starts watching again after a pause.
/// </summary>
public sealed class AlarmWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly IDeviceEventSink _sink;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public AlarmWatcher(IEnumerable<DeviceConnection> devices, IDeviceEventSink sink, ILogger<AlarmWatcher> logger, TimeProvider time, TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _sink = sink;
        _logger = logger;
        _time = time;
        RetryDelay = retryDelay ?? TimeSpan.FromSeconds(1);
        foreach (var device in devices)
        {
            if (device.Alarms is not null)
            {
                _loops.Add(Task.Run(() => WatchAsync(device, _stop.Token)));
            }
        }
    }

    public TimeSpan RetryDelay { get; }

    public int Count => _loops.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WatchAsync(DeviceConnection device, CancellationToken cancellationToken)
    {
        var source = device.Alarms!;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var deviceEvent in source.WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        _sink.OnDeviceEvent(deviceEvent);
                    }
                    catch (Exception ex)
                    {
                        DevicesLog.SinkFailed(_logger, device.Name, ex);
                    }
                }

                DevicesLog.WatchEnded(_logger, device.Name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                DevicesLog.WatchFailed(_logger, device.Name, ex);
            }

            try
            {
                await Task.Delay(RetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
