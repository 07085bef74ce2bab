using Microsoft.Extensions.Logging;
using NetControl.Core.Devices;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// One loop per device with alarms: <c>IAlarmSource.WatchAsync</c> into the event sink. A loop survives errors (of the
/// source or the sink), logs them and starts watching again after a pause. The controller host and the simulated
/// fabric of the benchmarks and tests run the same loops.
/// </summary>
public sealed class AlarmWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly IDeviceEventSink _sink;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;

    /// <param name="sources">Each device by name and its alarm source.</param>
    public AlarmWatcher(IEnumerable<(string Device, IAlarmSource Source)> sources, IDeviceEventSink sink, ILogger<AlarmWatcher> logger, TimeProvider time, TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sink = sink;
        _logger = logger;
        _time = time;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(1);
        foreach (var (device, source) in sources)
        {
            _loops.Add(Task.Run(() => WatchAsync(device, source, _stop.Token)));
        }
    }

    public int Count => _loops.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WatchAsync(string device, IAlarmSource source, CancellationToken cancellationToken)
    {
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
                        AlarmWatcherLog.SinkFailed(_logger, device, ex);
                    }
                }

                AlarmWatcherLog.WatchEnded(_logger, device);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                AlarmWatcherLog.WatchFailed(_logger, device, ex);
            }

            // A cancelled pause ends the loop through the while condition.
            await Task.Delay(_retryDelay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
