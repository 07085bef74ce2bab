using System.Collections.Frozen;
using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Core.Reservations;

/// <summary>
/// Advance reservations of ports and link capacity over time windows, against one topology. A request is
/// admitted all or nothing, only if each of its ports is held by no overlapping reservation and each link
/// keeps enough capacity at every instant of the window (concurrent reservations summed). Thread-safe:
/// every operation is atomic, so concurrent requests never double-book. Pure logic, no I/O, no clock.
/// </summary>
public sealed class ReservationCalendar
{
    // Tolerance for summing bandwidths held as doubles (bit/s).
    private const double CapacitySlackBps = 1e-3;

    private readonly Lock _gate = new();
    private readonly Dictionary<ReservationId, Reservation> _byId = [];
    // Holders of each port by the topology's dense port index (path searches ask about thousands of ports per plan).
    private readonly List<ReservationId>?[] _byPortIndex;
    private readonly Dictionary<string, List<ReservationId>> _byLink = new(StringComparer.Ordinal);
    private long _nextId;

    public ReservationCalendar(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        Topology = topology;
        _byPortIndex = new List<ReservationId>?[topology.PortCount];
    }

    /// <summary>The topology whose ports and links are reserved.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>Number of reservations currently held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Admits <paramref name="request"/> if every port and link is free over its window; else changes nothing.</summary>
    /// <exception cref="ReservationException">The request is invalid (window, bandwidth, unknown port or link).</exception>
    public ReservationResult TryReserve(ReservationRequest request) => TryReplace(null, request);

    /// <summary>
    /// Atomically swaps the reservation <paramref name="current"/> (null: none) for <paramref name="request"/>:
    /// admitted only if the request is free of every other reservation (what <paramref name="current"/> holds does not
    /// count), and then <paramref name="current"/> is released. Rejected: both stay as they were.
    /// </summary>
    /// <exception cref="ReservationException">The request is invalid (window, bandwidth, unknown port or link).</exception>
    public ReservationResult TryReplace(ReservationId? current, ReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        lock (_gate)
        {
            if (FindConflict(request.Owner, request.Window, request.Ports, request.Links, exclude: current) is { } conflict)
            {
                return ReservationResult.Rejected(conflict);
            }

            if (current is { } old)
            {
                Release(old);
            }

            var reservation = new Reservation
            {
                Id = new ReservationId(++_nextId),
                Owner = request.Owner,
                Window = request.Window,
                Ports = request.Ports,
                Links = request.Links,
            };
            _byId.Add(reservation.Id, reservation);
            foreach (var port in reservation.Ports)
            {
                (_byPortIndex[Topology.IndexOfPort(port)] ??= []).Add(reservation.Id);
            }

            foreach (var demand in reservation.Links)
            {
                Index(_byLink, demand.Link, reservation.Id);
            }

            return ReservationResult.Admitted(reservation);
        }
    }

    /// <summary>Frees everything the reservation holds. False when no such reservation is held (already released).</summary>
    public bool Release(ReservationId id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var reservation))
            {
                return false;
            }

            foreach (var port in reservation.Ports)
            {
                _byPortIndex[Topology.IndexOfPort(port)]!.Remove(id);
            }

            foreach (var demand in reservation.Links)
            {
                Unindex(_byLink, demand.Link, id);
            }

            return true;
        }
    }

    /// <summary>
    /// Moves the end of a reservation (null: open-ended). Shrinking always succeeds; extending succeeds only
    /// if the new window is still conflict-free, else the reservation is left as it was.
    /// </summary>
    /// <exception cref="ReservationException">Unknown reservation, or the new end is not after the start.</exception>
    public ReservationResult ChangeEnd(ReservationId id, DateTimeOffset? newEnd)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var current))
            {
                throw new ReservationException(ReservationErrorKind.UnknownReservation, $"no reservation {id} to change (never admitted or already released)");
            }

            var window = current.Window with { End = newEnd };
            ValidateWindow(current.Owner, window);
            if (FindConflict(current.Owner, window, current.Ports, current.Links, exclude: id) is { } conflict)
            {
                return ReservationResult.Rejected(conflict);
            }

            var changed = current with { Window = window };
            _byId[id] = changed;
            return ReservationResult.Admitted(changed);
        }
    }

    /// <summary>The reservation with <paramref name="id"/>, if held.</summary>
    public bool TryGet(ReservationId id, out Reservation reservation)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out reservation!);
        }
    }

    /// <summary>Every reservation held, in id order.</summary>
    public ImmutableArray<Reservation> All()
    {
        lock (_gate)
        {
            return [.. _byId.Values.OrderBy(r => r.Id.Value)];
        }
    }

    /// <summary>Reservations whose window contains <paramref name="time"/>, in id order.</summary>
    public ImmutableArray<Reservation> ActiveAt(DateTimeOffset time)
    {
        lock (_gate)
        {
            return [.. _byId.Values.Where(r => r.Window.Contains(time)).OrderBy(r => r.Id.Value)];
        }
    }

    /// <summary>Which ports are free at the instant <paramref name="time"/>, for path computation.</summary>
    public ReservedPortAvailability At(DateTimeOffset time) => Snapshot(new TimeWindow(time, time.AddTicks(1)));

    /// <summary>Which ports are free over the whole of <paramref name="window"/>, for path computation.</summary>
    /// <exception cref="ReservationException">The window's end is not after its start.</exception>
    public ReservedPortAvailability Availability(TimeWindow window)
    {
        ValidateWindow("availability query", window);
        return Snapshot(window);
    }

    /// <summary>
    /// Which ports are free over <paramref name="window"/>, answered live from the calendar's index (each question
    /// costs a lookup, nothing is copied): for path computation by a caller that also serialises its own
    /// reservations, so the calendar does not change under it. Admission re-checks every port anyway.
    /// </summary>
    /// <exception cref="ReservationException">The window's end is not after its start.</exception>
    public IPortAvailability LiveAvailability(TimeWindow window)
    {
        ValidateWindow("availability query", window);
        return new LiveView(this, window);
    }

    /// <summary>The capacity of <paramref name="link"/> left free at the busiest instant of <paramref name="window"/>.</summary>
    /// <exception cref="ReservationException">Unknown link, link without capacity, or a bad window.</exception>
    public DataRate AvailableCapacity(string link, TimeWindow window)
    {
        ValidateWindow("capacity query", window);
        var capacity = CapacityOf("capacity query", link);
        lock (_gate)
        {
            var (peak, _, _) = PeakLoad(link, window, exclude: null);
            return new DataRate(Math.Max(0, capacity.BitsPerSecond - peak));
        }
    }

    private bool IsHeld(PortRef port, TimeWindow window)
    {
        lock (_gate)
        {
            return Topology.IndexOfPort(port) is var index and >= 0 && _byPortIndex[index] is { } holders && AnyOverlaps(holders, window);
        }
    }

    /// <summary><see cref="IsHeld(PortRef, TimeWindow)"/> by <see cref="NetworkTopology.IndexOfPort"/>, without hashing.</summary>
    private bool IsHeld(int index, TimeWindow window)
    {
        lock (_gate)
        {
            return _byPortIndex[index] is { } holders && AnyOverlaps(holders, window);
        }
    }

    private bool AnyOverlaps(List<ReservationId> holders, TimeWindow window)
    {
        foreach (var id in holders)
        {
            if (_byId[id].Window.Overlaps(window))
            {
                return true;
            }
        }

        return false;
    }

    private ReservedPortAvailability Snapshot(TimeWindow window)
    {
        lock (_gate)
        {
            var busy = _byId.Values.Where(r => r.Window.Overlaps(window)).SelectMany(r => r.Ports).ToFrozenSet();
            return new ReservedPortAvailability(window, busy);
        }
    }

    private ReservationConflict? FindConflict(
        string owner, TimeWindow window, ImmutableArray<PortRef> ports, ImmutableArray<LinkDemand> links, ReservationId? exclude)
    {
        foreach (var port in ports)
        {
            if (_byPortIndex[Topology.IndexOfPort(port)] is not { } holders)
            {
                continue;
            }

            foreach (var holderId in holders)
            {
                var holder = _byId[holderId];
                if (holderId != exclude && holder.Window.Overlaps(window))
                {
                    return new ReservationConflict
                    {
                        Resource = $"port {port}",
                        HeldBy = holder.Id,
                        HeldByOwner = holder.Owner,
                        HeldWindow = holder.Window,
                        Reason = $"port {port} wanted by '{owner}' over {window} is held by '{holder.Owner}' ({holder.Id}) over {holder.Window}",
                    };
                }
            }
        }

        foreach (var demand in links)
        {
            var capacity = Topology.GetLink(demand.Link).Capacity!.Value;
            var (peak, at, largest) = PeakLoad(demand.Link, window, exclude);
            if (largest is not null && peak + demand.Bandwidth.BitsPerSecond > capacity.BitsPerSecond + CapacitySlackBps)
            {
                var free = new DataRate(Math.Max(0, capacity.BitsPerSecond - peak));
                return new ReservationConflict
                {
                    Resource = $"link {demand.Link}",
                    HeldBy = largest.Id,
                    HeldByOwner = largest.Owner,
                    HeldWindow = largest.Window,
                    Reason = $"link {demand.Link}: '{owner}' needs {demand.Bandwidth} over {window} but only {free} of {capacity} is free at " +
                        $"{TimeWindow.Format(at)} (largest holder '{largest.Owner}' ({largest.Id}) over {largest.Window})",
                };
            }
        }

        return null;
    }

    /// <summary>
    /// The highest total bandwidth held on <paramref name="link"/> at any instant of <paramref name="window"/>,
    /// the first instant it occurs and the largest holder then. Load only rises at a reservation's start, so
    /// the peak is at the window's start or at a holder's start inside the window.
    /// </summary>
    private (double Peak, DateTimeOffset At, Reservation? Largest) PeakLoad(string link, TimeWindow window, ReservationId? exclude)
    {
        if (!_byLink.TryGetValue(link, out var ids))
        {
            return (0, window.Start, null);
        }

        var holders = new List<(Reservation Reservation, double Bps)>();
        foreach (var id in ids)
        {
            var r = _byId[id];
            if (id != exclude && r.Window.Overlaps(window))
            {
                holders.Add((r, BandwidthOn(r, link)));
            }
        }

        double peak = 0;
        var peakAt = window.Start;
        Reservation? largest = null;
        foreach (var t in holders.Select(h => h.Reservation.Window.Start).Where(s => s > window.Start).Prepend(window.Start))
        {
            double load = 0;
            Reservation? big = null;
            double bigBps = -1;
            foreach (var (r, bps) in holders)
            {
                if (r.Window.Contains(t))
                {
                    load += bps;
                    if (bps > bigBps)
                    {
                        (big, bigBps) = (r, bps);
                    }
                }
            }

            if (big is not null && (largest is null || load > peak || (load == peak && t < peakAt)))
            {
                (peak, peakAt, largest) = (load, t, big);
            }
        }

        return (peak, peakAt, largest);
    }

    private static double BandwidthOn(Reservation reservation, string link)
    {
        foreach (var demand in reservation.Links)
        {
            if (demand.Link == link)
            {
                return demand.Bandwidth.BitsPerSecond;
            }
        }

        return 0;
    }

    private void Validate(ReservationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Owner))
        {
            throw new ReservationException(ReservationErrorKind.MissingOwner, $"reservation request over {request.Window} has no owner");
        }

        string who = $"reservation for '{request.Owner}'";
        ValidateWindow(who, request.Window);
        if (request.Ports.IsDefault || request.Links.IsDefault)
        {
            throw new ArgumentException($"{who}: Ports and Links must not be default arrays", nameof(request));
        }

        var seenPorts = new HashSet<PortRef>();
        foreach (var port in request.Ports)
        {
            if (!Topology.TryGetNode(port.Node, out var node))
            {
                throw new ReservationException(ReservationErrorKind.UnknownPort, $"{who}: port {port} is on unknown node '{port.Node}' in topology '{Topology.Name}'");
            }

            if (node.FindPort(port.Port) is null)
            {
                throw new ReservationException(ReservationErrorKind.UnknownPort, $"{who}: node '{port.Node}' has no port '{port.Port}' in topology '{Topology.Name}'");
            }

            if (!seenPorts.Add(port))
            {
                throw new ReservationException(ReservationErrorKind.DuplicateResource, $"{who}: port {port} is listed twice");
            }
        }

        var seenLinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var demand in request.Links)
        {
            var capacity = CapacityOf(who, demand.Link);
            if (demand.Bandwidth.BitsPerSecond <= 0)
            {
                throw new ReservationException(ReservationErrorKind.InvalidBandwidth, $"{who}: bandwidth on link {demand.Link} must be more than 0 b/s");
            }

            if (demand.Bandwidth.BitsPerSecond > capacity.BitsPerSecond + CapacitySlackBps)
            {
                throw new ReservationException(
                    ReservationErrorKind.InvalidBandwidth, $"{who}: {demand.Bandwidth} asked on link {demand.Link} exceeds its capacity of {capacity}");
            }

            if (!seenLinks.Add(demand.Link))
            {
                throw new ReservationException(ReservationErrorKind.DuplicateResource, $"{who}: link {demand.Link} is listed twice");
            }
        }

    }

    private DataRate CapacityOf(string who, string link)
    {
        if (link is null || !Topology.TryGetLink(link, out var found))
        {
            throw new ReservationException(ReservationErrorKind.UnknownLink, $"{who}: unknown link '{link}' in topology '{Topology.Name}'");
        }

        return found.Capacity ?? throw new ReservationException(
            ReservationErrorKind.UnknownCapacity, $"{who}: link {link} has no capacity in topology '{Topology.Name}', so bandwidth cannot be reserved on it");
    }

    private static void ValidateWindow(string who, TimeWindow window)
    {
        if (window.End is { } end && end <= window.Start)
        {
            throw new ReservationException(ReservationErrorKind.InvalidWindow, $"{who}: window end {TimeWindow.Format(end)} is not after its start {TimeWindow.Format(window.Start)}");
        }
    }

    private static void Index<TKey>(Dictionary<TKey, List<ReservationId>> index, TKey key, ReservationId id)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(id);
    }

    private static void Unindex<TKey>(Dictionary<TKey, List<ReservationId>> index, TKey key, ReservationId id)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var list) && list.Remove(id) && list.Count == 0)
        {
            index.Remove(key);
        }
    }

    private sealed class LiveView(ReservationCalendar calendar, TimeWindow window) : IPortAvailability
    {
        public bool IsFree(PortRef port) => !calendar.IsHeld(port, window);

        public bool IsFree(PortRef port, NetworkTopology topology, int index) =>
            ReferenceEquals(topology, calendar.Topology) && index >= 0 ? !calendar.IsHeld(index, window) : IsFree(port);
    }
}
