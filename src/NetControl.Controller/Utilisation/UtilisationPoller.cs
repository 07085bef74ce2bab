using Microsoft.Extensions.Logging;
using NetControl.Controller.Devices;
using NetControl.Controller.Hosting;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Monitoring;

namespace NetControl.Controller.Utilisation;

/// <summary>
/// Polls the IF-MIB octet counters of every switch with an SNMP agent (<see cref="InterfaceRatePoller"/>, all
/// devices at once) each interval and records the rates into a <see cref="LinkUtilisationTable"/>. A device that
/// does not answer is logged when it starts and stops failing, and its links keep their last measurement.
/// </summary>
public sealed class UtilisationPoller : IAsyncDisposable
{
    private readonly SnmpClient _client;
    private readonly IReadOnlyList<(string Device, InterfaceRatePoller Poller)> _devices;
    private readonly LinkUtilisationTable _table;
    private readonly ILogger _logger;
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private UtilisationPoller(SnmpClient client, IReadOnlyList<(string, InterfaceRatePoller)> devices, LinkUtilisationTable table, TimeSpan interval, ILogger logger, TimeProvider time)
    {
        _client = client;
        _devices = devices;
        _table = table;
        _logger = logger;
        _timer = new PeriodicTimer(interval, time);
        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Starts polling the devices that have an SNMP agent (none: nothing is polled, the table stays empty).</summary>
    public static async Task<UtilisationPoller> StartAsync(
        IEnumerable<DeviceEndpoint> devices, LinkUtilisationTable table, TimeSpan interval, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var client = new SnmpClient(loggers.CreateLogger<SnmpClient>(), time);
        try
        {
            var pollers = new List<(string, InterfaceRatePoller)>();
            foreach (var device in devices.Where(d => d.Snmp is not null))
            {
                var agent = await SnmpAgentAddress.ResolveAsync(device.Host, device.Snmp!.Port, cancellationToken).ConfigureAwait(false);
                var target = SnmpTarget.V2c(agent, device.Snmp.Community) with { Name = device.Name };
                pollers.Add((device.Name, new InterfaceRatePoller(client, target, device.Name, time)));
            }

            var logger = loggers.CreateLogger<UtilisationPoller>();
            UtilisationLog.Started(logger, pollers.Count, interval.TotalMilliseconds);
            return new UtilisationPoller(client, pollers, table, interval, logger, time);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _timer.Dispose();
        await _client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_devices.Count == 0)
        {
            return;
        }

        try
        {
            // The first poll sets each device's counter baseline at once; rates follow one interval later.
            do
            {
                await Task.WhenAll(_devices.Select(d => PollAsync(d.Device, d.Poller, cancellationToken))).ConfigureAwait(false);
            }
            while (await _timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            UtilisationLog.LoopFailed(_logger, ex);
        }
    }

    private async Task PollAsync(string device, InterfaceRatePoller poller, CancellationToken cancellationToken)
    {
        IReadOnlyList<InterfaceRate> rates;
        try
        {
            rates = await poller.PollAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            bool first;
            lock (_failing)
            {
                first = _failing.Add(device);
            }

            if (first)
            {
                UtilisationLog.PollFailed(_logger, device, ex.Message, ex);
            }

            return;
        }

        bool recovered;
        lock (_failing)
        {
            recovered = _failing.Remove(device);
        }

        if (recovered)
        {
            UtilisationLog.PollRecovered(_logger, device);
        }

        _table.Record(device, rates);
    }
}
