using System.Collections.Immutable;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Reservations;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Orchestration.Routing;

namespace NetControl.Orchestration.Lightpaths;

public sealed partial class LightpathService
{
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    public async Task<LightpathRecord> RequestAsync(LightpathRequest request, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = _time.GetUtcNow();
        var window = Window(request, now);
        if (request.Lease is { } lease && lease <= TimeSpan.Zero)
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"lease: must be positive, got {lease.TotalSeconds:0.###} s");
        }

        if (request.Bandwidth is { } bw && bw.BitsPerSecond <= 0)
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"bandwidth: must be positive, got {bw}");
        }

        string id = $"lp-{Interlocked.Increment(ref _nextId)}";
        LightpathEntry entry;
        lock (_admission)
        {
            var free = _calendar.LiveAvailability(window);
            var from = _endpoints.Resolve(request.From, free, "from");
            var to = _endpoints.Resolve(request.To, new ExceptPorts(free, [new PortRef(from.Switch, from.AddPort), .. from.HostPort is { } h ? [h] : Array.Empty<PortRef>()]), "to");
            var constraints = Constraints(request.Exclude, request.Via, request.MaxLatencyMs, request.Bandwidth, free, window);
            CircuitRoute working;
            CircuitRoute? protection = null;
            if (request.Protection == Protection.OnePlusOne)
            {
                (working, protection) = _planner.PlanDisjoint(from, to, constraints, LinkState);
            }
            else
            {
                working = _planner.Plan(from, to, constraints, LinkState);
            }

            var reservation = Reserve(id, window, request.Bandwidth, [working, .. protection is null ? Array.Empty<CircuitRoute>() : [protection]]);
            var lifecycle = new LightpathLifecycle(id, _time);
            bool later = window.Start > now;
            lifecycle.Fire(
                later ? LightpathTrigger.AdmittedForLater : LightpathTrigger.Admitted,
                later ? $"admitted for {window}; path {working}" : $"admitted on {working}{(protection is null ? string.Empty : $", protection on {protection}")}");
            var record = new LightpathRecord
            {
                Id = id,
                Owner = owner,
                Request = request,
                CreatedAt = now,
                State = lifecycle.State,
                History = lifecycle.History,
                Working = working,
                ProtectionLeg = protection,
                WindowStart = window.Start,
                WindowEnd = window.End,
                LeaseExpiresAt = request.Lease is { } l ? now + l : null,
                Version = 1,
            };
            entry = new LightpathEntry(record, lifecycle) { Reservation = reservation };
            _entries[id] = entry;
        }

        await SaveAndPublishAsync(entry.Record).ConfigureAwait(false);
        ArmTimers(entry);
        if (entry.Record.State == LightpathState.Provisioning)
        {
            Run(id, () => ProvisionAsync(entry));
        }

        return entry.Record;
    }

    public async Task<LightpathRecord> ReleaseAsync(string id, string cause, CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        if (entry.Record.State is LightpathState.Releasing or LightpathState.Released)
        {
            return entry.Record;
        }

        var record = await FireAsync(entry, LightpathTrigger.ReleaseRequested, string.IsNullOrWhiteSpace(cause) ? "release requested" : cause).ConfigureAwait(false);
        if (record is null)
        {
            return entry.Record;
        }

        await entry.Work.CancelAsync().ConfigureAwait(false);
        Run(id, () => ReleaseWorkAsync(entry));
        return record;
    }

    public async Task<LightpathRecord> ChangeEndAsync(string id, DateTimeOffset? end, CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        var record = entry.Record;
        if (record.State is LightpathState.Releasing or LightpathState.Released or LightpathState.Failed)
        {
            throw new LightpathException(LightpathErrorKind.InvalidState, $"lightpath {id} is {record.State}: its end time can no longer change");
        }

        var now = _time.GetUtcNow();
        if (end is { } e && (e <= record.WindowStart || e <= now))
        {
            throw new LightpathException(LightpathErrorKind.BadTimeWindow, $"end: {e:O} must be after the start ({record.WindowStart:O}) and in the future");
        }

        lock (_admission)
        {
            if (entry.Reservation is { } reservation)
            {
                var result = _calendar.ChangeEnd(reservation, end);
                if (!result.IsAdmitted)
                {
                    throw new LightpathException(LightpathErrorKind.PortBusy, $"end: cannot extend to {end?.ToString("O") ?? "open"}: {result.Conflict!.Reason}");
                }
            }
        }

        var updated = await CommitAsync(entry, r => r with { WindowEnd = end }).ConfigureAwait(false);
        ArmTimers(entry);
        return updated;
    }

    public async Task<LightpathRecord> RenewAsync(string id, CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        var record = entry.Record;
        if (record.Request.Lease is not { } lease)
        {
            throw new LightpathException(LightpathErrorKind.InvalidState, $"lightpath {id} has no lease to renew");
        }

        if (record.State is LightpathState.Releasing or LightpathState.Released)
        {
            throw new LightpathException(LightpathErrorKind.InvalidState, $"lightpath {id} is {record.State}: its lease can no longer be renewed");
        }

        var updated = await CommitAsync(entry, r => r with { LeaseExpiresAt = _time.GetUtcNow() + lease }).ConfigureAwait(false);
        ArmTimers(entry);
        return updated;
    }

    private static TimeWindow Window(LightpathRequest request, DateTimeOffset now)
    {
        var start = request.Start ?? now;
        if (start < now - PastTolerance)
        {
            throw new LightpathException(LightpathErrorKind.BadTimeWindow, $"start: {start:O} is in the past (now {now:O})");
        }

        if (start < now)
        {
            start = now;
        }

        if (request.End is { } end && end <= start)
        {
            throw new LightpathException(LightpathErrorKind.BadTimeWindow, $"end: {end:O} is not after the start {start:O}");
        }

        return new TimeWindow(start, request.End);
    }

    private RouteConstraints Constraints(ImmutableArray<string> exclude, ImmutableArray<string> via, double? maxLatencyMs, DataRate? bandwidth, IPortAvailability free, TimeWindow window)
    {
        if (maxLatencyMs is { } max && (double.IsNaN(max) || max <= 0))
        {
            throw new LightpathException(LightpathErrorKind.InvalidRequest, $"constraints.maxLatencyMs: must be positive, got {max}");
        }

        return new RouteConstraints
        {
            Exclude = exclude.IsDefault ? [] : exclude,
            Via = via.IsDefault ? [] : via,
            MaxLatencyMs = maxLatencyMs,
            Bandwidth = bandwidth,
            Ports = free,
            FreeCapacity = bandwidth is null ? null : link => link.Capacity is null ? null : _calendar.AvailableCapacity(link.Id, window),
        };
    }

    /// <summary>
    /// Reserves the routes' ports (and bandwidth on their links) over the window, in place of <paramref name="replacing"/>
    /// (atomically: refused, the old reservation stays held); caller holds <see cref="_admission"/>.
    /// </summary>
    private ReservationId Reserve(string id, TimeWindow window, DataRate? bandwidth, IEnumerable<CircuitRoute> routes, IEnumerable<CrossConnectStep>? alsoHeld = null, ReservationId? replacing = null)
    {
        var list = routes.ToList();
        var held = (alsoHeld ?? []).SelectMany(s => SwitchPorts.Of(Topology.GetNode(s.Device), s));
        var request = new ReservationRequest
        {
            Owner = id,
            Window = window,
            Ports = [.. list.SelectMany(r => r.Ports).Concat(held).Distinct()],
            Links = bandwidth is { } bw ? [.. list.SelectMany(r => r.Links).Distinct(StringComparer.Ordinal).Select(l => new LinkDemand(l, bw))] : [],
        };
        var result = _calendar.TryReplace(replacing, request);
        return result.IsAdmitted
            ? result.Reservation!.Id
            : throw new LightpathException(LightpathErrorKind.PortBusy, $"{result.Conflict!.Reason}");
    }

    private void FreeReservation(LightpathEntry entry)
    {
        lock (_admission)
        {
            if (entry.Reservation is { } reservation)
            {
                _calendar.Release(reservation);
                entry.Reservation = null;
            }
        }
    }

    /// <summary>Free ports except a few already promised (the other endpoint of the same request).</summary>
    private sealed class ExceptPorts(IPortAvailability inner, PortRef[] taken) : IPortAvailability
    {
        public bool IsFree(PortRef port) => Array.IndexOf(taken, port) < 0 && inner.IsFree(port);
    }
}
