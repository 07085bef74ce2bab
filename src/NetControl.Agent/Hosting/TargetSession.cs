using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetControl.Agent.Configuration;
using NetControl.Agent.Mapping;
using NetControl.Messaging;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Contracts;
using NetControl.Probes.Sessions;

namespace NetControl.Agent.Hosting;

/// <summary>
/// Keeps one STAMP session to one target running: resolves the target, runs a <see cref="StampSessionSender"/>,
/// maps and journals each interval summary; when the session fails (name resolution, socket errors) it is logged and
/// started again after a growing delay, without touching the other targets' sessions.
/// </summary>
internal sealed class TargetSession(
    string agentId,
    TargetConfig target,
    AgentPublisher publisher,
    AgentHostCounters counters,
    AgentHostOptions options,
    ILoggerFactory loggers,
    TimeProvider time,
    LatestBandwidth? bandwidth,
    Action<ProbeSummary> onSummary)
{
    private readonly ILogger _logger = loggers.CreateLogger<AgentHost>();

    public async Task RunAsync(CancellationToken stop)
    {
        var backoff = new RestartBackoff(options.RestartMinDelay, options.RestartMaxDelay);
        while (!stop.IsCancellationRequested)
        {
            string error;
            try
            {
                await RunOnceAsync(backoff, stop).ConfigureAwait(false);
                error = "the session ended";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one target's failure must not stop the agent: it is logged, counted and retried
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex is SocketException socket ? $"{socket.SocketErrorCode}: {ex.Message}" : $"{ex.GetType().Name}: {ex.Message}";
            }

            var delay = backoff.Next();
            AgentHostLog.SessionFailed(_logger, agentId, target.Id, error, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            counters.Restarted();
        }
    }

    private async Task RunOnceAsync(RestartBackoff backoff, CancellationToken stop)
    {
        var endpoint = await TargetResolver.ResolveAsync(target.Address, stop).ConfigureAwait(false);
        var probe = target.Probe;
        var sender = new StampSessionSender(
            new StampSessionSenderOptions
            {
                Target = endpoint,
                Interval = probe.Interval,
                PacketSize = probe.PacketSize,
                ReportingInterval = probe.ReportingInterval,
                Tmax = probe.Tmax,
                Ssid = probe.Ssid,
                KernelTimestamps = probe.KernelTimestamps,
            },
            loggers.CreateLogger<StampSessionSender>(),
            time);
        await using (sender.ConfigureAwait(false))
        {
            AgentHostLog.SessionStarted(_logger, agentId, target.Id, endpoint.ToString());
            await foreach (var interval in sender.RunAsync(stop).ConfigureAwait(false))
            {
                backoff.Reset();
                Publish(interval);
            }
        }
    }

    private void Publish(StampIntervalSummary interval)
    {
        counters.Produced();
        var summary = ProbeSummaryMapper.Map(interval, agentId, target.Id, target.LinkId, bandwidth?.Take());
        long sequence;
        try
        {
            sequence = publisher.Enqueue(summary);
        }
        catch (Exception ex) when (ex is IOException or MessagingException or UnauthorizedAccessException)
        {
            counters.EnqueueFailed();
            AgentHostLog.EnqueueFailed(_logger, agentId, target.Id, ex.Message);
            return;
        }

        counters.Enqueued();
        try
        {
            onSummary(summary with { Sequence = sequence });
        }
#pragma warning disable CA1031 // a consumer's bug must not stop the probe session
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AgentHostLog.HandlerFailed(_logger, agentId, ex.Message);
        }
    }
}
