using System.Collections.Concurrent;
using NetControl.Core.Reservations;
using static NetControl.Core.Tests.Reservations.Calendars;

namespace NetControl.Core.Tests.Reservations;

public class ReservationCalendarConcurrencyTests
{
    private const int Attempts = 2000;

    [Fact]
    public void TryReserve_ManyThreadsRacingForSamePorts_OneWinnerPerPort()
    {
        var calendar = New();
        var admitted = new ConcurrentBag<Reservation>();

        Parallel.For(0, Attempts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var result = calendar.TryReserve(Request($"c{i}", W(0, 2), [P(1, i % 50), P(2, (i % 50) + 1)]));
            if (result.IsAdmitted)
            {
                admitted.Add(result.Reservation);
            }
        });

        Assert.Equal(50, admitted.Count);
        Assert.Equal(50, admitted.Select(r => r.Ports[0]).Distinct().Count());
        AssertNoDoubleBooking(calendar);
    }

    [Fact]
    public void TryReserve_ManyThreadsRacingForCapacity_ExactlyCapacityAdmitted()
    {
        var calendar = New();
        int admitted = 0;

        Parallel.For(0, Attempts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            // 1 Gb/s each on the 100 Gb/s link; overlapping windows that all cover [1, 2).
            var window = (i % 3) switch { 0 => W(0, 2), 1 => W(1, 3), _ => W(1, null) };
            if (calendar.TryReserve(Request($"c{i}", window, links: [Gbps("wide", 1)])).IsAdmitted)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(100, admitted);
        Assert.Equal(0, calendar.AvailableCapacity("wide", W(1, 2)).BitsPerSecond);
        AssertNoDoubleBooking(calendar);
    }

    [Fact]
    public void Calendar_RandomMixRacingWithReleasesAndChanges_NeverDoubleBooked()
    {
        var calendar = New();

        Parallel.For(0, Attempts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var random = new Random(i);
            int start = random.Next(0, 20);
            int? end = random.Next(10) == 0 ? null : start + random.Next(1, 6);
            var result = calendar.TryReserve(Request(
                $"c{i}",
                W(start, end),
                [P(1, random.Next(8)), P(2, random.Next(8))],
                [Gbps("core", random.Next(1, 5)), Gbps("wide", random.Next(5, 40))]));
            if (result.IsAdmitted)
            {
                switch (random.Next(3))
                {
                    case 0:
                        Assert.True(calendar.Release(result.Reservation.Id));
                        break;
                    case 1:
                        calendar.ChangeEnd(result.Reservation.Id, H(start + random.Next(1, 10)));
                        break;
                }
            }
        });

        Assert.NotEqual(0, calendar.Count);
        AssertNoDoubleBooking(calendar);
    }

    /// <summary>No two overlapping reservations share a port; no link is over capacity at any reservation start.</summary>
    private static void AssertNoDoubleBooking(ReservationCalendar calendar)
    {
        var all = calendar.All();
        for (int i = 0; i < all.Length; i++)
        {
            for (int j = i + 1; j < all.Length; j++)
            {
                if (all[i].Window.Overlaps(all[j].Window))
                {
                    Assert.Empty(all[i].Ports.Intersect(all[j].Ports));
                }
            }
        }

        foreach (var link in Calendars.Topology.Links.Where(l => l.Capacity is not null))
        {
            foreach (var instant in all.Select(r => r.Window.Start))
            {
                double load = all.Where(r => r.Window.Contains(instant)).SelectMany(r => r.Links).Where(d => d.Link == link.Id).Sum(d => d.Bandwidth.BitsPerSecond);
                Assert.True(load <= link.Capacity!.Value.BitsPerSecond, $"link {link.Id} carries {load} b/s at {instant}");
            }
        }
    }
}
