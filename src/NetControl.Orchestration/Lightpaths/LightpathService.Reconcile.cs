using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Reservations;
using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    /// <summary>
    /// Prunes long-released lightpaths, loads the store, re-reserves what it records, reads back every switch, removes cross-connects no lightpath
    /// claims, and completes or rolls back work a crash interrupted: Provisioning is provisioned again (idempotent) or
    /// rolled back, Releasing finishes, Restoring is re-evaluated, pending removals are retried; timers are re-armed.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _store.PruneReleasedAsync(_time.GetUtcNow() - _options.KeepReleased, cancellationToken).ConfigureAwait(false);
        var records = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);

        // Releasing last: one whose ports a newer lightpath took (a crash between freeing them and storing Released)
        // must not take them back from it.
        foreach (var record in records.OrderBy(r => r.State == LightpathState.Releasing))
        {
            var lifecycle = LightpathLifecycle.Restore(record.Id, record.CreatedAt, record.History, _time);
            var entry = new LightpathEntry(record, lifecycle);
            if (record.State is not (LightpathState.Released or LightpathState.Failed or LightpathState.Requested))
            {
                try
                {
                    HoldOnlyWhatIsUsed(entry, record);
                }
                catch (LightpathException ex) when (ex.Kind == LightpathErrorKind.PortBusy)
                {
                    // A Releasing lightpath whose ports a newer one took had removed its cross-connects already; it
                    // finishes without them. Any other state should not happen: start anyway and say so.
                    LightpathServiceLog.LoadConflict(_logger, record.Id, record.State.ToString(), ex.Message);
                }
            }

            _entries[record.Id] = entry;
            Relight(null, record);
            if (int.TryParse(record.Id.AsSpan(3), out int n) && n > _nextId)
            {
                _nextId = n;
            }
        }

        var truth = await ReadAndRemoveUnclaimedAsync(cancellationToken).ConfigureAwait(false);
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
                    Run(record.Id, () => VerifyActiveAsync(entry, truth));
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

    /// <summary>
    /// Reads every switch once and removes the cross-connects that no recorded lightpath may hold; returns what each
    /// switch holds afterwards (switches that could not be read are missing).
    /// </summary>
    private async Task<Dictionary<string, HashSet<CrossConnect>>> ReadAndRemoveUnclaimedAsync(CancellationToken cancellationToken)
    {
        var claimed = _entries.Values.Select(e => e.Record).SelectMany(MayHold).ToLookup(s => s.Device, StringComparer.Ordinal);
        var switches = Topology.Nodes.Where(n => n.Kind == NodeKind.OpticalSwitch).Select(n => n.Id).ToList();
        var reads = await Task.WhenAll(switches.Select(async name =>
        {
            try
            {
                var device = _devices(name);
                var truth = (await device.ReadCrossConnectsAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Connection).ToHashSet();
                if (_options.RemoveUnclaimedCrossConnects)
                {
                    var mine = claimed[name].Select(s => device.Canonical(s.Connection)).ToHashSet();
                    foreach (var connection in truth.Where(c => !mine.Contains(c)).ToList())
                    {
                        LightpathServiceLog.Reconciled(_logger, name, $"removing unclaimed cross-connect {connection}");
                        await device.RemoveAsync(connection, cancellationToken).ConfigureAwait(false);
                        truth.Remove(connection);
                    }
                }

                return (Name: name, Truth: (HashSet<CrossConnect>?)truth);
            }
            catch (DeviceException ex)
            {
                LightpathServiceLog.Reconciled(_logger, name, $"could not reconcile: {ex.Message}");
                return (Name: name, Truth: (HashSet<CrossConnect>?)null);
            }
        })).ConfigureAwait(false);
        return reads.Where(r => r.Truth is not null).ToDictionary(r => r.Name, r => r.Truth!, StringComparer.Ordinal);
    }

    /// <summary>
    /// An active lightpath after a restart: the cross-connects the start-up read did not find are made again; when it
    /// found them all (or could not read a switch), nothing more is sent than the pending removals.
    /// </summary>
    private async Task VerifyActiveAsync(LightpathEntry entry, IReadOnlyDictionary<string, HashSet<CrossConnect>> truth)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            var missing = Expected(entry.Record)
                .Where(s => truth.TryGetValue(s.Device, out var held) && !held.Contains(_devices(s.Device).Canonical(s.Connection)))
                .ToList();
            if (missing.Count > 0)
            {
                var outcome = await _provisioner.ProvisionAsync(new ProvisioningPlan(missing), entry.Work.Token).ConfigureAwait(false);
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
