using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Reservations;
using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    /// <summary>
    /// Loads the store, re-reserves what it records, reads back every switch, removes cross-connects no lightpath
    /// claims, and completes or rolls back work a crash interrupted: Provisioning is provisioned again (idempotent) or
    /// rolled back, Releasing finishes, Restoring is re-evaluated, pending removals are retried; timers are re-armed.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            var lifecycle = LightpathLifecycle.Restore(record.Id, record.CreatedAt, record.History, _time);
            var entry = new LightpathEntry(record, lifecycle);
            if (record.State is not (LightpathState.Released or LightpathState.Failed or LightpathState.Requested))
            {
                lock (_gate)
                {
                    var legs = new[] { record.Working, record.ProtectionLeg }.OfType<CircuitRoute>().ToList();
                    entry.Reservation = Reserve(record.Id, new TimeWindow(record.WindowStart, record.WindowEnd), record.Request.Bandwidth, legs);
                }
            }

            _entries[record.Id] = entry;
            if (int.TryParse(record.Id.AsSpan(3), out int n) && n > _nextId)
            {
                _nextId = n;
            }
        }

        await RemoveUnclaimedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in _entries.Values)
        {
            var record = entry.Record;
            switch (record.State)
            {
                case LightpathState.Requested:
                    // Admission never finished saving its route: nothing was sent to a device.
                    if (entry.Lifecycle.TryFire(LightpathTrigger.Rejected, "controller restarted before admission completed") is not null)
                    {
                        await CommitAsync(entry, r => r).ConfigureAwait(false);
                    }

                    break;
                case LightpathState.Provisioning:
                    Run(record.Id, () => ProvisionAsync(entry));
                    break;
                case LightpathState.Active:
                    Run(record.Id, () => VerifyActiveAsync(entry));
                    break;
                case LightpathState.Restoring:
                    Run(record.Id, () => RestoreAsync(entry, null));
                    break;
                case LightpathState.Releasing:
                    Run(record.Id, () => ReleaseWorkAsync(entry));
                    break;
                case LightpathState.Failed when !record.PendingRemovals.IsDefaultOrEmpty:
                    Run(record.Id, () => RemovePendingAsync(entry));
                    break;
            }

            if (record.State is not (LightpathState.Released or LightpathState.Releasing))
            {
                ArmTimers(entry);
            }
        }
    }

    /// <summary>Reads every switch and removes cross-connects that no recorded lightpath expects or may have made.</summary>
    private async Task RemoveUnclaimedAsync(CancellationToken cancellationToken)
    {
        if (!_options.RemoveUnclaimedCrossConnects)
        {
            return;
        }

        var claimed = _entries.Values
            .Select(e => e.Record)
            .Where(r => r.State != LightpathState.Released)
            .SelectMany(r => Expected(r with { State = r.State == LightpathState.Requested ? LightpathState.Requested : LightpathState.Active })
                .Concat(r.PendingRemovals)
                .Concat(r.State is LightpathState.Restoring or LightpathState.Provisioning ? r.Working?.Steps ?? [] : [])
                .Concat(r.State is LightpathState.Restoring or LightpathState.Provisioning ? r.ProtectionLeg?.Steps ?? [] : []))
            .ToList();
        var switches = Topology.Nodes.Where(n => n.Kind == NodeKind.OpticalSwitch).Select(n => n.Id).ToList();
        await Task.WhenAll(switches.Select(async name =>
        {
            ICrossConnectProgrammable device;
            try
            {
                device = _devices(name);
            }
            catch (DeviceException ex)
            {
                LightpathServiceLog.Reconciled(_logger, name, $"not managed: {ex.Message}");
                return;
            }

            try
            {
                var mine = claimed.Where(s => s.Device == name).Select(s => device.Canonical(s.Connection)).ToHashSet();
                var truth = await device.ReadCrossConnectsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var state in truth.Where(s => !mine.Contains(s.Connection)))
                {
                    LightpathServiceLog.Reconciled(_logger, name, $"removing unclaimed cross-connect {state.Connection}");
                    await device.RemoveAsync(state.Connection, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DeviceException ex)
            {
                LightpathServiceLog.Reconciled(_logger, name, $"could not reconcile: {ex.Message}");
            }
        })).ConfigureAwait(false);
    }

    /// <summary>An active lightpath after a restart: device truth must show its cross-connects; missing ones are made again.</summary>
    private async Task VerifyActiveAsync(LightpathEntry entry)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            var steps = Expected(entry.Record).ToList();
            var outcome = await _provisioner.ProvisionAsync(new ProvisioningPlan(steps), entry.Work.Token).ConfigureAwait(false);
            if (outcome.With(StepStatus.Applied).Any())
            {
                LightpathServiceLog.Reconciled(_logger, entry.Record.Id, $"re-made missing cross-connects: {outcome.Summary}");
            }
        }
        finally
        {
            entry.Gate.Release();
        }

        await RemovePendingAsync(entry).ConfigureAwait(false);
    }
}
