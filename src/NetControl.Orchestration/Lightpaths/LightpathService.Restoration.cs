using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Orchestration.Restoration;
using NetControl.Orchestration.Routing;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    /// <summary>How often a move plans again when the reservation of its plan is refused (a conflict its plan could not see).</summary>
    private const int RaceRetries = 8;

    public void OnDeviceEvent(DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        var now = _time.GetUtcNow();
        IReadOnlyList<LinkChange> changes = [];
        lock (_gate)
        {
            switch (deviceEvent)
            {
                case DeviceEvent.Alarm { Value: { Condition: "LOS" } alarm }:
                    changes = _correlator.Observe(new PortRef(alarm.Device, alarm.Entity), !alarm.IsCleared, $"{alarm.Device} {alarm.Condition} {(alarm.IsCleared ? "cleared" : "raised")} on {alarm.Entity}", now);
                    break;
                case DeviceEvent.Resynchronized resync:
                    var dark = resync.ActiveAlarms.Where(a => a.Condition == "LOS" && !a.IsCleared).Select(a => a.Entity).ToHashSet(StringComparer.Ordinal);
                    changes = _correlator.Resync(resync.Device, dark, resync.ReadAt ?? now, $"{resync.Device} {resync.Reason}", now, resync.ChangesFollow);
                    break;
            }
        }

        Apply(changes);
    }

    public void OnPortStatus(string device, string port, bool hasLight, string cause)
    {
        IReadOnlyList<LinkChange> changes;
        lock (_gate)
        {
            changes = _correlator.Observe(new PortRef(device, port), !hasLight, cause, _time.GetUtcNow());
        }

        Apply(changes);
    }

    /// <summary>An operator reports a fibre repaired (no light may cross it yet to prove it).</summary>
    public void ReportRepaired(string linkId, string cause)
    {
        if (!Topology.ContainsLink(linkId))
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"no link '{linkId}' in topology '{Topology.Name}'");
        }

        LinkChange? change;
        lock (_gate)
        {
            change = _correlator.MarkRepaired(linkId, cause, _time.GetUtcNow());
        }

        Apply(change is null ? [] : [change]);
    }

    /// <summary>
    /// A probe alarm (loss held above a threshold, see the telemetry policy): a link probed down fails like a cut and
    /// its lightpaths are restored; degraded is recorded in link state (requests may avoid it); up clears only what
    /// the probes declared, never a loss of light the switches report.
    /// </summary>
    public void ReportProbeCondition(string linkId, LinkCondition condition, string cause)
    {
        if (!Topology.ContainsLink(linkId))
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"no link '{linkId}' in topology '{Topology.Name}'");
        }

        var now = _time.GetUtcNow();
        LinkChange? change = null;
        lock (_gate)
        {
            bool opticalDown = _correlator.Down.Contains(linkId);
            bool probedDown = _probeDown.Contains(linkId);
            switch (condition)
            {
                case LinkCondition.Down when !opticalDown && !probedDown:
                    _probeDown.Add(linkId);
                    change = new LinkChange(linkId, Down: true, $"probes: {cause}", now);
                    break;
                case LinkCondition.Up or LinkCondition.Degraded when probedDown:
                    _probeDown.Remove(linkId);
                    if (!opticalDown)
                    {
                        change = new LinkChange(linkId, Down: false, $"probes: {cause}", now);
                    }

                    break;
            }
        }

        Apply(change is null ? [] : [change]);
        if (condition != LinkCondition.Down)
        {
            lock (_gate)
            {
                if (LinkState.Get(linkId).Condition != LinkCondition.Down)
                {
                    _linkState = _linkState.With(linkId, condition, $"probes: {cause}", now);
                }
            }
        }
    }

    public Task SetRestorationFrozenAsync(bool frozen, CancellationToken cancellationToken = default)
    {
        _frozen = frozen;
        if (!frozen)
        {
            foreach (var entry in _entries.Values.Where(e => e.Record.State == LightpathState.Restoring))
            {
                Run(entry.Record.Id, () => RestoreAsync(entry, null));
            }
        }

        return Task.CompletedTask;
    }

    public Task<LightpathRecord> RerouteAsync(string id, CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        if (entry.Record.State != LightpathState.Active)
        {
            throw new LightpathException(LightpathErrorKind.InvalidState, $"lightpath {id} is {entry.Record.State}: only an active lightpath can be rerouted");
        }

        Run(id, () => MoveAsync(entry, null, "reroute requested by an operator"));
        return Task.FromResult(entry.Record);
    }

    /// <inheritdoc/>
    string? IPortClaims.ClaimantAt(PortRef port, DateTimeOffset asOf) => HolderAt(port, asOf)?.Id;

    /// <inheritdoc/>
    PortRef? IPortClaims.FeedOf(PortRef port, DateTimeOffset asOf) => HolderAt(port, asOf)?.Feed;

    /// <summary>The latest claim on <paramref name="port"/> made by <paramref name="asOf"/>, unless a cross-connect on it is being removed.</summary>
    private PortClaim? HolderAt(PortRef port, DateTimeOffset asOf)
    {
        if (_leaving.ContainsKey(port) || !_lit.TryGetValue(port, out var holders))
        {
            return null;
        }

        for (int i = holders.Count - 1; i >= 0; i--)
        {
            if (holders[i].Since <= asOf)
            {
                return holders[i];
            }
        }

        return null;
    }

    private void Apply(IReadOnlyList<LinkChange> changes)
    {
        foreach (var change in changes)
        {
            lock (_gate)
            {
                _linkState = _linkState.With(change.Link, change.Down ? LinkCondition.Down : LinkCondition.Up, change.Cause, change.At);
            }

            LightpathServiceLog.LinkChanged(_logger, change.Link, change.Down ? "down" : "up", change.Cause);
            LinkChanged?.Invoke(change);
            foreach (var entry in _entries.Values)
            {
                var record = entry.Record;
                if (change.Down && record.State is LightpathState.Active or LightpathState.Restoring
                    && (record.Working?.Uses(change.Link) == true || record.ProtectionLeg?.Uses(change.Link) == true))
                {
                    Run(record.Id, () => RestoreAsync(entry, change));
                }
                else if (!change.Down && record.Home is { } home && record.Request.Revert == RevertPolicy.Revert && home.Uses(change.Link))
                {
                    ArmRevert(entry);
                }
            }
        }
    }

    private bool IsDown(string link) => LinkState.Get(link).Condition == LinkCondition.Down;

    /// <summary>Restores a lightpath whose leg crosses a failed link: 1+1 switchover, else a new path, make-before-break.</summary>
    private async Task RestoreAsync(LightpathEntry entry, LinkChange? change)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            var record = entry.Record;
            if (record.State is not (LightpathState.Active or LightpathState.Restoring) || record.Active is not { } active)
            {
                return;
            }

            var otherLeg = record.ActiveLeg == LegRole.Working ? record.ProtectionLeg : record.Working;
            bool activeHit = active.Links.Any(IsDown);
            if (!activeHit)
            {
                if (record.State == LightpathState.Restoring)
                {
                    // After a restart or a freeze: the path it is on works again (or never broke).
                    await RecoverInPlaceAsync(entry).ConfigureAwait(false);
                }

                return;
            }

            string why = change is null ? "link down" : $"link {change.Link} down: {change.Cause}";
            if (record.State == LightpathState.Active || change is not null)
            {
                await FireAsync(entry, LightpathTrigger.LinkFailed, why).ConfigureAwait(false);
            }

            if (_frozen)
            {
                await CommitAsync(entry, r => r with { FailureCause = $"{why}; restoration frozen by an admin" }).ConfigureAwait(false);
                return;
            }

            if (record.Request.Protection == Protection.OnePlusOne && otherLeg is not null && !otherLeg.Links.Any(IsDown))
            {
                using var leaving = MarkLeaving(active.EndSteps);
                var switched = await _transition.ExecuteAsync(active.EndSteps, otherLeg.EndSteps, entry.Work.Token).ConfigureAwait(false);
                if (switched.Succeeded)
                {
                    var role = record.ActiveLeg == LegRole.Working ? LegRole.Protection : LegRole.Working;
                    await FireAsync(
                        entry,
                        LightpathTrigger.RestorationSucceeded,
                        $"1+1 switched to the {role.ToString().ToLowerInvariant()} leg {otherLeg} in {switched.SwitchedAfter.TotalMilliseconds:0.#} ms{Since(change)}",
                        r => r with { ActiveLeg = role, FailureCause = why }).ConfigureAwait(false);
                    RetuneHosts(entry, active);
                    return;
                }

                why = $"{why}; 1+1 switchover failed: {switched.Error}";
            }

            if (record.Request.Protection == Protection.None)
            {
                await FireAsync(entry, LightpathTrigger.RestorationFailed, $"{why}; the lightpath is unprotected", r => r with { FailureCause = why }).ConfigureAwait(false);
                return;
            }

            await MoveCoreAsync(entry, null, why, change, failureTrigger: LightpathTrigger.RestorationFailed).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Operator reroute or revert: the lightpath works, so a failed attempt leaves it where it is.</summary>
    private async Task MoveAsync(LightpathEntry entry, CircuitRoute? target, string cause)
    {
        await entry.Gate.WaitAsync(_life.Token).ConfigureAwait(false);
        try
        {
            if (await FireAsync(entry, LightpathTrigger.RerouteRequested, cause).ConfigureAwait(false) is null)
            {
                return;
            }

            await MoveCoreAsync(entry, target, cause, null, failureTrigger: LightpathTrigger.RerouteAbandoned).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Plans (unless given), reserves and moves to a new working route; caller holds the entry's gate.</summary>
    private async Task MoveCoreAsync(LightpathEntry entry, CircuitRoute? target, string why, LinkChange? change, LightpathTrigger failureTrigger)
    {
        var record = entry.Record;
        var active = record.Active!;
        var oldSteps = Expected(record).ToList();
        CircuitRoute next;
        int waits = 0;
        int races = 0;
        while (true)
        {
            try
            {
                // Under the admission lock, not the service lock: alarms are never held up behind a mass restoration.
                lock (_admission)
                {
                    var window = new Core.Reservations.TimeWindow(_time.GetUtcNow(), record.WindowEnd);
                    next = target ?? PlanMove(record, active, window);
                    if (next.Steps.SequenceEqual(active.Steps))
                    {
                        throw new LightpathException(LightpathErrorKind.NoPath, "already on the best path");
                    }

                    // Hold old and new ports while moving; keep only the new ones once moved.
                    entry.Reservation = Reserve(record.Id, window, record.Request.Bandwidth, [record.Working!, .. record.ProtectionLeg is null ? Array.Empty<CircuitRoute>() : [record.ProtectionLeg], next], replacing: entry.Reservation);
                }

                break;
            }
            catch (LightpathException ex) when (target is null && ex.Kind == LightpathErrorKind.PortBusy && races < RaceRetries)
            {
                // A reservation made outside admission (a longer window) took a fibre of this plan: plan again at once.
                races++;
            }
            catch (LightpathException ex) when (failureTrigger == LightpathTrigger.RestorationFailed && target is null && ex.PortsBusy && waits < _options.RestorationRetries)
            {
                // Fibres still held by cross-connects being removed (other lightpaths' old paths) free up in moments.
                LightpathServiceLog.RestorationRetry(_logger, record.Id, waits + 1, ex.Message);
                await Task.Delay(_options.RestorationRetryDelay * (1 << waits), _time, _life.Token).ConfigureAwait(false);
                waits++;
            }
            catch (LightpathException ex)
            {
                await FireAsync(entry, failureTrigger, $"{why}; {ex.Message}", r => r with { FailureCause = failureTrigger == LightpathTrigger.RestorationFailed ? ex.Message : r.FailureCause }).ConfigureAwait(false);
                return;
            }
        }

        // Intent first: the new cross-connects are ours to remove if we crash mid-move.
        var newSteps = next.Steps.ToList();
        await CommitAsync(entry, r => r with { PendingRemovals = [.. r.PendingRemovals.Union(newSteps.Except(oldSteps))] }).ConfigureAwait(false);
        using var leaving = MarkLeaving(oldSteps.Except(newSteps));
        var moved = await _transition.ExecuteAsync(oldSteps, newSteps, entry.Work.Token, breakLater: true).ConfigureAwait(false);
        if (!moved.Succeeded)
        {
            await FireAsync(entry, failureTrigger, $"{why}; {moved.Error}", r => r with
            {
                PendingRemovals = [.. moved.Leftovers],
                FailureCause = failureTrigger == LightpathTrigger.RestorationFailed ? moved.Error : r.FailureCause,
            }).ConfigureAwait(false);

            // Until now both routes were held; keep the legs and whatever is still to be removed.
            HoldOnlyWhatIsUsed(entry, entry.Record);
            return;
        }

        var home = record.Request.Revert == RevertPolicy.Revert && target is null ? record.Home ?? active : null;
        await FireAsync(
            entry,
            LightpathTrigger.RestorationSucceeded,
            $"{(target is null ? "moved" : "reverted")} to {next} in {moved.SwitchedAfter.TotalMilliseconds:0.#} ms{Since(change)}",
            r => r with
            {
                Working = next,
                ProtectionLeg = null,
                ActiveLeg = LegRole.Working,
                Home = home,
                PendingRemovals = [.. moved.Leftovers],
                FailureCause = change is null ? r.FailureCause : why,
            }).ConfigureAwait(false);
        HoldOnlyWhatIsUsed(entry, entry.Record);
        RetuneHosts(entry, active);
        if (moved.Leftovers.Count > 0)
        {
            Run(record.Id, () => RemovePendingAsync(entry));
        }
    }

    /// <summary>A new working route for a lightpath on <paramref name="active"/>, avoiding its failed links and their SRLGs; its own ports count as free.</summary>
    private CircuitRoute PlanMove(LightpathRecord record, CircuitRoute active, Core.Reservations.TimeWindow window)
    {
        var own = record.Working!.Ports.Concat(record.ProtectionLeg?.Ports ?? []).ToHashSet();
        var free = new OwnPortsAvailability(Topology, _calendar.LiveAvailability(window), own);
        var from = _endpoints.Resolve($"{active.Steps[0].Device}:{active.Steps[0].Connection.From}", null, "from");
        var to = _endpoints.Resolve($"{active.Steps[^1].Device}:{active.Steps[^1].Connection.To}", null, "to");
        var failedLinks = active.Links.Where(IsDown).ToList();
        var constraints = Constraints(record.Request.Exclude, record.Request.Via, record.Request.MaxLatencyMs, record.Request.Bandwidth, free, window) with
        {
            AvoidSrlgs = [.. failedLinks.SelectMany(l => Topology.GetLink(l).Srlgs).Distinct(StringComparer.Ordinal)],
            AvoidLinks = [.. failedLinks],
        };
        if (constraints.FreeCapacity is { } available && record.Request.Bandwidth is { } bandwidth)
        {
            // Its own bandwidth counts as free on the links it holds (the access fibres at least): the move replaces it.
            var ownLinks = record.Working!.Links.Concat(record.ProtectionLeg?.Links ?? []).ToHashSet(StringComparer.Ordinal);
            constraints = constraints with
            {
                FreeCapacity = link =>
                {
                    var left = available(link);
                    return left is { } l && ownLinks.Contains(link.Id) ? l + bandwidth : left;
                },
            };
        }

        return _planner.Plan(from, to, constraints, LinkState);
    }

    /// <summary>A Restoring lightpath whose path works again: make sure its cross-connects are there and call it restored.</summary>
    private async Task RecoverInPlaceAsync(LightpathEntry entry)
    {
        var steps = Expected(entry.Record).ToList();
        var outcome = await _provisioner.ProvisionAsync(new ProvisioningPlan(steps), entry.Work.Token).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            await FireAsync(entry, LightpathTrigger.RestorationSucceeded, $"its path works: {steps.Count} cross-connects verified", r => r with { PendingRemovals = [] }).ConfigureAwait(false);
            await RemovePendingAsync(entry).ConfigureAwait(false);
        }
        else
        {
            await FireAsync(entry, LightpathTrigger.RestorationFailed, $"its cross-connects could not be verified: {outcome.Summary}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the ports of cross-connects about to be removed: the LOS clears their removal causes say nothing about
    /// the fibre. Dispose after the record no longer claims them.
    /// </summary>
    private Leaving MarkLeaving(IEnumerable<CrossConnectStep> steps)
    {
        var ports = steps.SelectMany(s => SwitchPorts.Of(Topology.GetNode(s.Device), s)).ToList();
        foreach (var port in ports)
        {
            _leaving.AddOrUpdate(port, 1, (_, n) => n + 1);
        }

        return new Leaving(this, ports);
    }

    private readonly struct Leaving(LightpathService owner, List<PortRef> ports) : IDisposable
    {
        public void Dispose()
        {
            foreach (var port in ports)
            {
                if (owner._leaving.AddOrUpdate(port, 0, (_, n) => n - 1) <= 0)
                {
                    owner._leaving.TryRemove(new KeyValuePair<PortRef, int>(port, 0));
                }
            }
        }
    }

    private void ArmRevert(LightpathEntry entry)
    {
        var home = entry.Record.Home;
        if (home is null || home.Links.Any(IsDown))
        {
            return;
        }

        lock (entry)
        {
            entry.RevertTimer?.Dispose();
            entry.RevertTimer = Timer(entry, _options.WaitToRestore, async () =>
            {
                var record = entry.Record;
                if (record.State == LightpathState.Active && record.Home is { } h && !h.Links.Any(IsDown))
                {
                    // Moving to a given target clears Home (see MoveCoreAsync).
                    await MoveAsync(entry, h, $"reverting home after {_options.WaitToRestore.TotalSeconds:0} s wait-to-restore").ConfigureAwait(false);
                }
            });
        }
    }

    private string Since(LinkChange? change) =>
        change is null ? string.Empty : $", {(_time.GetUtcNow() - change.At).TotalMilliseconds:0.#} ms after the alarm";
}
