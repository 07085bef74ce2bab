using Microsoft.Extensions.Hosting;

namespace NetControl.Controller.Dashboard;

/// <summary>Every flush interval: polls the sources for link state and quality changes, then flushes the feed to the clients.</summary>
internal sealed class DashboardPump(DashboardFeed feed, DashboardSources sources, IDashboardSender sender, DashboardOptions options, TimeProvider time) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Starts the interval timer before returning (so the first tick is one interval after start), then the loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(options.FlushInterval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("the pump was not started");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                sources.Poll();
                _ = feed.Flush(sender, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
