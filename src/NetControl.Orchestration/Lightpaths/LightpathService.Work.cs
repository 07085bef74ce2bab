using NetControl.Core;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    /// <summary>Makes every cross-connect of the lightpath in parallel, verifies them, and rolls back on a partial failure.</summary>
    private async Task ProvisionAsync(LightpathEntry entry)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            if (entry.Record.State != LightpathState.Provisioning)
            {
                return;
            }

            var steps = Expected(entry.Record).ToList();
            var outcome = await _provisioner.ProvisionAsync(new ProvisioningPlan(steps), entry.Work.Token).ConfigureAwait(false);
            string? hostFailure = outcome.Succeeded ? await ConfigureHostsAsync(entry).ConfigureAwait(false) : null;
            if (outcome.Succeeded && hostFailure is null)
            {
                string hosts = entry.Record.Request.ConfigureHosts && _hosts is not null ? " and both end hosts configured" : string.Empty;
                await FireAsync(entry, LightpathTrigger.ProvisioningSucceeded, $"{steps.Count} cross-connects made and verified in {outcome.Elapsed.TotalMilliseconds:0.#} ms{hosts}").ConfigureAwait(false);
                return;
            }

            if (hostFailure is not null)
            {
                // The path is up but the hosts cannot use it: take the cross-connects down again.
                var undo = await _provisioner.ReleaseAsync(new ProvisioningPlan(steps), entry.Work.Token).ConfigureAwait(false);
                var left = undo.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => s.Step).ToList();
                var refused = await FireAsync(
                    entry,
                    LightpathTrigger.ProvisioningFailed,
                    $"host configuration failed, cross-connects removed: {hostFailure}",
                    r => r with { FailureCause = hostFailure, PendingRemovals = [.. left] }).ConfigureAwait(false);
                if (refused is not null)
                {
                    FreeReservation(entry);
                }

                if (left.Count > 0)
                {
                    Run(entry.Record.Id, () => RemovePendingAsync(entry));
                }

                return;
            }

            var leftovers = outcome.With(StepStatus.RollbackFailed).Select(r => r.Step).ToList();
            var failed = await FireAsync(
                entry,
                LightpathTrigger.ProvisioningFailed,
                $"provisioning failed and was rolled back: {outcome.Summary}",
                r => r with { FailureCause = outcome.Summary, PendingRemovals = [.. leftovers] }).ConfigureAwait(false);
            if (failed is not null)
            {
                FreeReservation(entry);
            }

            if (leftovers.Count > 0)
            {
                Run(entry.Record.Id, () => RemovePendingAsync(entry));
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Removes every cross-connect the lightpath may hold, retrying until device truth shows none, then frees its reservation.</summary>
    private async Task ReleaseWorkAsync(LightpathEntry entry)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            entry.DisposeTimers();
            await RestoreHostsAsync(entry).ConfigureAwait(false);
            // A cross-connect another live lightpath claims is its own: this one's ports were freed only after its
            // cross-connects were removed, so that can only be after a crash between the two (see below).
            var others = _entries.Values.Where(e => e != entry && e.Record.State is not (LightpathState.Released or LightpathState.Releasing or LightpathState.Requested))
                .SelectMany(e => MayHold(e.Record)).ToHashSet();
            var steps = MayHold(entry.Record).Where(s => !others.Contains(s)).ToList();
            while (true)
            {
                var record = entry.Record;
                using var leaving = MarkLeaving(steps);
                var outcome = steps.Count == 0 ? null : await _provisioner.ReleaseAsync(new ProvisioningPlan(steps), _life.Token).ConfigureAwait(false);
                if (outcome is null || outcome.Succeeded)
                {
                    // The ports are free before Released is stored: a request may take them at once (a client that
                    // sees Released and asks again). A crash in between leaves this record Releasing beside the new
                    // one; the restart then leaves the new one's cross-connects alone (see ReleaseWorkAsync).
                    FreeReservation(entry);
                    string cause = outcome is null ? "nothing to remove" : $"{steps.Count} cross-connects removed in {outcome.Elapsed.TotalMilliseconds:0.#} ms";
                    await FireAsync(entry, LightpathTrigger.ReleaseCompleted, cause, r => r with { PendingRemovals = [] }).ConfigureAwait(false);
                    return;
                }

                // Retry only what the devices still hold; it is recorded, so a restart retries it too.
                steps = [.. outcome.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => s.Step)];
                LightpathServiceLog.ReleaseRetry(_logger, record.Id, outcome.Summary);
                await CommitAsync(entry, r => r with { PendingRemovals = [.. steps], FailureCause = $"release incomplete: {outcome.Summary}" }).ConfigureAwait(false);
                await Task.Delay(_options.ReleaseRetryDelay, _time, _life.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Configures the end hosts when the lightpath asked for it; the failure's one-line cause, or null.</summary>
    private async Task<string?> ConfigureHostsAsync(LightpathEntry entry)
    {
        if (!entry.Record.Request.ConfigureHosts)
        {
            return null;
        }

        if (_hosts is null)
        {
            return "host configuration was asked for, but this controller configures no hosts";
        }

        try
        {
            await _hosts.ConfigureAsync(entry.Record, entry.Work.Token).ConfigureAwait(false);
            return null;
        }
        catch (NetControlException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// After a move to a path of another latency: the end hosts' path-dependent settings (TCP buffers for bandwidth x
    /// RTT) sized for the new active leg, once the move's own work is done (it takes the lightpath's gate). The
    /// lightpath works either way; a failure is logged and leaves the old sizes.
    /// </summary>
    private void RetuneHosts(LightpathEntry entry, CircuitRoute before)
    {
        if (!entry.Record.Request.ConfigureHosts || _hosts is null || entry.Record.Active is not { } now || now.LatencyMs == before.LatencyMs)
        {
            return;
        }

        Run(entry.Record.Id, async () =>
        {
            await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
            try
            {
                if (entry.Record is { State: LightpathState.Active, Active: { } leg } record)
                {
                    await _hosts.RetuneAsync(record, entry.Work.Token).ConfigureAwait(false);
                    LightpathServiceLog.HostsRetuned(_logger, record.Id, leg.LatencyMs);
                }
            }
            catch (NetControlException ex)
            {
                LightpathServiceLog.HostRetuneFailed(_logger, entry.Record.Id, ex.Message);
            }
            finally
            {
                entry.Gate.Release();
            }
        });
    }

    private async Task RestoreHostsAsync(LightpathEntry entry)
    {
        if (!entry.Record.Request.ConfigureHosts || _hosts is null || entry.Record.History.All(t => t.To != LightpathState.Active))
        {
            return;
        }

        try
        {
            await _hosts.RestoreAsync(entry.Record, _life.Token).ConfigureAwait(false);
        }
        catch (NetControlException ex)
        {
            LightpathServiceLog.HostRestoreFailed(_logger, entry.Record.Id, ex.Message);
        }
    }

    /// <summary>Retries cross-connects a rollback or break could not remove.</summary>
    private async Task RemovePendingAsync(LightpathEntry entry)
    {
        while (!_life.IsCancellationRequested)
        {
            var pending = entry.Record.PendingRemovals;
            if (pending.IsDefaultOrEmpty || entry.Record.State is LightpathState.Releasing or LightpathState.Released)
            {
                return;
            }

            var outcome = await _provisioner.ReleaseAsync(new ProvisioningPlan(pending), _life.Token).ConfigureAwait(false);
            var failed = outcome.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => s.Step).ToHashSet();
            var after = await CommitAsync(entry, r => r with { PendingRemovals = [.. r.PendingRemovals.Where(failed.Contains)] }).ConfigureAwait(false);
            if (failed.Count < pending.Length && after.State is LightpathState.Active or LightpathState.Restoring or LightpathState.Failed && entry.Gate.Wait(0))
            {
                // Nobody is working on the lightpath (whoever is sets the reservation when done): free the ports.
                try
                {
                    HoldOnlyWhatIsUsed(entry, after);
                }
                finally
                {
                    entry.Gate.Release();
                }
            }

            if (failed.Count == 0)
            {
                return;
            }

            await Task.Delay(_options.ReleaseRetryDelay, _time, _life.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reserves exactly the ports of the record's legs and of its cross-connects still to be removed (their ports are
    /// busy on the device until then). Called whenever either shrinks.
    /// </summary>
    private void HoldOnlyWhatIsUsed(LightpathEntry entry, LightpathRecord record)
    {
        lock (_admission)
        {
            var legs = new[] { record.Working, record.ProtectionLeg }.OfType<CircuitRoute>();
            entry.Reservation = Reserve(record.Id, new Core.Reservations.TimeWindow(record.WindowStart, record.WindowEnd), record.Request.Bandwidth, legs, record.PendingRemovals, replacing: entry.Reservation);
        }
    }

    /// <summary>(Re)arms the start, end and lease timers of a lightpath from its record.</summary>
    private void ArmTimers(LightpathEntry entry)
    {
        var record = entry.Record;
        var now = _time.GetUtcNow();
        lock (entry)
        {
            entry.StartTimer?.Dispose();
            entry.EndTimer?.Dispose();
            entry.LeaseTimer?.Dispose();
            entry.StartTimer = entry.EndTimer = entry.LeaseTimer = null;
            if (record.State is LightpathState.Releasing or LightpathState.Released)
            {
                return;
            }

            if (record.State == LightpathState.Scheduled)
            {
                entry.StartTimer = Timer(entry, record.WindowStart - now, () => StartScheduledAsync(entry));
            }

            if (record.WindowEnd is { } end)
            {
                entry.EndTimer = Timer(entry, end - now, () => ExpireAsync(entry, LightpathTrigger.EndTimeReached, $"window ended at {end:O}"));
            }

            if (record.LeaseExpiresAt is { } lease)
            {
                entry.LeaseTimer = Timer(entry, lease - now, () => ExpireAsync(entry, LightpathTrigger.LeaseExpired, $"lease not renewed by {lease:O}"));
            }
        }
    }

    private ITimer Timer(LightpathEntry entry, TimeSpan due, Func<Task> action) =>
        _time.CreateTimer(_ => Run(entry.Record.Id, action), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);

    private async Task StartScheduledAsync(LightpathEntry entry)
    {
        if (await FireAsync(entry, LightpathTrigger.StartTimeReached, $"window started at {entry.Record.WindowStart:O}").ConfigureAwait(false) is not null)
        {
            await ProvisionAsync(entry).ConfigureAwait(false);
        }
    }

    private async Task ExpireAsync(LightpathEntry entry, LightpathTrigger trigger, string cause)
    {
        if (trigger == LightpathTrigger.LeaseExpired && entry.Record.LeaseExpiresAt is { } lease && lease > _time.GetUtcNow())
        {
            return;
        }

        if (await FireAsync(entry, trigger, cause).ConfigureAwait(false) is not null)
        {
            await entry.Work.CancelAsync().ConfigureAwait(false);
            await ReleaseWorkAsync(entry).ConfigureAwait(false);
        }
    }
}
