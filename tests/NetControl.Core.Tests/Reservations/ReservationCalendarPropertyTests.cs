using NetControl.Core.Reservations;
using NetControl.Core.Topology;
using static NetControl.Core.Tests.Reservations.Calendars;

namespace NetControl.Core.Tests.Reservations;

/// <summary>
/// Random reserve/release/change sequences checked decision by decision against a brute-force model that
/// tests every minute of a window against every held reservation.
/// </summary>
public class ReservationCalendarPropertyTests
{
    private const int Horizon = 100;

    private static readonly Dictionary<string, double> CapacityGbps = new() { ["core"] = 10, ["wide"] = 100 };

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20261123)]
    public void Calendar_RandomOperations_MatchBruteForceModel(int seed)
    {
        var random = new Random(seed);
        var calendar = New();
        var model = new List<ModelReservation>();
        int admitted = 0, rejected = 0, changed = 0, changeRejected = 0, replaced = 0, replaceRejected = 0;

        for (int step = 0; step < 1500; step++)
        {
            int op = random.Next(100);
            if (op < 70 || model.Count == 0)
            {
                var request = RandomRequest(random, $"c{step}");
                var expected = FirstConflict(model, request.Start, request.End, request.Ports, request.Links, exclude: null);
                var result = calendar.TryReserve(Request(request.Owner, Window(request.Start, request.End), request.Ports, request.Links.Select(l => Gbps(l.Link, l.Gbps))));
                Assert.Equal(expected is null, result.IsAdmitted);
                if (result.IsAdmitted)
                {
                    model.Add(request with { Id = result.Reservation.Id });
                    admitted++;
                }
                else
                {
                    Assert.Equal(expected, result.Conflict.Resource);
                    rejected++;
                }
            }
            else if (op < 82)
            {
                var victim = model[random.Next(model.Count)];
                Assert.True(calendar.Release(victim.Id));
                model.Remove(victim);
            }
            else if (op >= 93)
            {
                // Replace: the new request is checked against every reservation but the one it replaces; refused, both stay.
                int index = random.Next(model.Count);
                var target = model[index];
                var request = RandomRequest(random, target.Owner);
                var expected = FirstConflict(model, request.Start, request.End, request.Ports, request.Links, exclude: target.Id);
                var result = calendar.TryReplace(target.Id, Request(request.Owner, Window(request.Start, request.End), request.Ports, request.Links.Select(l => Gbps(l.Link, l.Gbps))));
                Assert.Equal(expected is null, result.IsAdmitted);
                if (result.IsAdmitted)
                {
                    model[index] = request with { Id = result.Reservation.Id };
                    Assert.False(calendar.TryGet(target.Id, out _));
                    replaced++;
                }
                else
                {
                    Assert.True(calendar.TryGet(target.Id, out _));
                    replaceRejected++;
                }
            }
            else
            {
                int index = random.Next(model.Count);
                var target = model[index];
                int? newEnd = random.Next(8) == 0 ? null : random.Next(target.Start + 1, Horizon + 1);
                var expected = FirstConflict(model, target.Start, newEnd, target.Ports, target.Links, exclude: target.Id);
                var result = calendar.ChangeEnd(target.Id, newEnd is { } e ? T0.AddMinutes(e) : null);
                Assert.Equal(expected is null, result.IsAdmitted);
                if (result.IsAdmitted)
                {
                    model[index] = target with { End = newEnd };
                    changed++;
                }
                else
                {
                    changeRejected++;
                }
            }

            CheckViews(random, calendar, model);
        }

        Assert.Equal(model.Count, calendar.Count);
        Assert.True(admitted > 100 && rejected > 100 && changed > 20 && changeRejected > 20 && replaced > 10 && replaceRejected > 10, $"weak mix: {admitted}/{rejected}/{changed}/{changeRejected}/{replaced}/{replaceRejected}");
    }

    private static void CheckViews(Random random, ReservationCalendar calendar, List<ModelReservation> model)
    {
        int start = random.Next(Horizon);
        int? end = random.Next(5) == 0 ? null : random.Next(start + 1, Horizon + 1);
        var view = calendar.Availability(Window(start, end));
        var live = calendar.LiveAvailability(Window(start, end));
        foreach (var port in AllPorts())
        {
            bool busy = Ticks(start, end).Any(t => model.Any(r => r.Holds(t) && r.Ports.Contains(port)));
            Assert.Equal(!busy, view.IsFree(port));
            Assert.Equal(!busy, live.IsFree(port));
            Assert.Equal(!busy, live.IsFree(port, Calendars.Topology, Calendars.Topology.IndexOfPort(port)));
        }

        foreach (var (link, capacity) in CapacityGbps)
        {
            double peak = Ticks(start, end).Max(t => model.Where(r => r.Holds(t)).SelectMany(r => r.Links).Where(l => l.Link == link).Sum(l => l.Gbps));
            Assert.Equal((capacity - peak) * 1e9, calendar.AvailableCapacity(link, Window(start, end)).BitsPerSecond);
        }

        int instant = random.Next(Horizon + 1);
        Assert.Equal(
            model.Where(r => r.Holds(instant)).Select(r => r.Id).OrderBy(id => id.Value),
            calendar.ActiveAt(T0.AddMinutes(instant)).Select(r => r.Id));
    }

    /// <summary>Brute force: the first resource, in request order (ports, then links), busy at some minute of the window.</summary>
    private static string? FirstConflict(
        List<ModelReservation> model, int start, int? end, IReadOnlyList<PortRef> ports, IReadOnlyList<(string Link, double Gbps)> links, ReservationId? exclude)
    {
        var others = model.Where(r => r.Id != exclude).ToList();
        foreach (var port in ports)
        {
            if (Ticks(start, end).Any(t => others.Any(r => r.Holds(t) && r.Ports.Contains(port))))
            {
                return $"port {port}";
            }
        }

        foreach (var (link, gbps) in links)
        {
            foreach (int t in Ticks(start, end))
            {
                double load = others.Where(r => r.Holds(t)).SelectMany(r => r.Links).Where(l => l.Link == link).Sum(l => l.Gbps);
                if (load + gbps > CapacityGbps[link])
                {
                    return $"link {link}";
                }
            }
        }

        return null;
    }

    // Every event lies on a whole minute in [0, Horizon], so nothing changes after minute Horizon.
    private static IEnumerable<int> Ticks(int start, int? end) => Enumerable.Range(start, Math.Min(end ?? Horizon + 1, Horizon + 1) - start);

    private static TimeWindow Window(int start, int? end) => new(T0.AddMinutes(start), end is { } e ? T0.AddMinutes(e) : null);

    private static IEnumerable<PortRef> AllPorts() => Enumerable.Range(0, 4).SelectMany(i => new[] { P(1, i), P(2, i) });

    private static ModelReservation RandomRequest(Random random, string owner)
    {
        int start = random.Next(Horizon);
        int? end = random.Next(10) == 0 ? null : Math.Min(Horizon, start + random.Next(1, 25));
        var ports = AllPorts().Where(_ => random.Next(6) == 0).ToList();
        var links = new List<(string, double)>();
        if (random.Next(2) == 0)
        {
            links.Add(("core", random.Next(1, 6)));
        }

        if (random.Next(2) == 0)
        {
            links.Add(("wide", random.Next(10, 61)));
        }

        if (random.Next(2) == 0)
        {
            links.Reverse();
        }

        return new ModelReservation(default, owner, start, end, ports, links);
    }

    private sealed record ModelReservation(ReservationId Id, string Owner, int Start, int? End, IReadOnlyList<PortRef> Ports, IReadOnlyList<(string Link, double Gbps)> Links)
    {
        public bool Holds(int minute) => minute >= Start && (End is not { } end || minute < end);
    }
}
