using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetControl.Agent.Configuration;
using NetControl.Core.Units;
using NetControl.Messaging.Contracts;
using NetControl.Probes.Bandwidth;

namespace NetControl.Agent.Hosting;

/// <summary>
/// Estimates the available bandwidth towards one target's stream receiver every <see cref="BandwidthConfig.Every"/>
/// (SLoPS, <see cref="AvailableBandwidthEstimator"/>); a converged range goes to <see cref="LatestBandwidth"/> and so
/// into that target's next summary. A failed or non-converged estimate is logged and counted, and the next one runs
/// on schedule.
/// </summary>
internal sealed class BandwidthSession(
    string agentId,
    TargetConfig target,
    BandwidthConfig config,
    LatestBandwidth latest,
    AgentHostCounters counters,
    ILoggerFactory loggers,
    TimeProvider time)
{
    private readonly ILogger _logger = loggers.CreateLogger<AgentHost>();

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await EstimateOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or BandwidthProbeException or AgentException or TimeoutException or OperationCanceledException)
            {
                counters.EstimateFailed();
                AgentHostLog.EstimateFailed(_logger, agentId, target.Id, $"{ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                await Task.Delay(config.Every, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task EstimateOnceAsync(CancellationToken stop)
    {
        var endpoint = await TargetResolver.ResolveAsync(target.BandwidthAddress!, stop).ConfigureAwait(false);
        using var prober = new UdpStreamProber(endpoint, timeProvider: time, logger: loggers.CreateLogger<UdpStreamProber>());
        var options = new AvailableBandwidthOptions
        {
            MinimumRate = DataRate.FromMbps(config.MinMbps),
            MaximumRate = DataRate.FromMbps(config.MaxMbps),
            MaxProbeBytes = config.MaxBytes,
        };
        var estimate = await new AvailableBandwidthEstimator(prober, options, time, loggers.CreateLogger<AvailableBandwidthEstimator>()).EstimateAsync(stop).ConfigureAwait(false);
        if (!estimate.Converged)
        {
            counters.EstimateFailed();
            AgentHostLog.EstimateFailed(_logger, agentId, target.Id, $"the estimate did not converge ({estimate.Reason})");
            return;
        }

        latest.Set(new BandwidthRange((long)Math.Round(estimate.Low.BitsPerSecond), (long)Math.Round(estimate.High.BitsPerSecond)));
        counters.Estimated();
        AgentHostLog.Estimated(_logger, agentId, target.Id, estimate.Low.BitsPerSecond / 1e6, estimate.High.BitsPerSecond / 1e6, estimate.Reason.ToString(), estimate.BytesSent, estimate.Duration.TotalSeconds);
    }
}
