using NetControl.Core.Reservations;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using static NetControl.Core.Tests.Reservations.Calendars;

namespace NetControl.Core.Tests.Reservations;

public class ReservationCalendarTests
{
    [Fact]
    public void TryReserve_FreePortsAndCapacity_Admitted()
    {
        var calendar = New();

        var result = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1), P(2, 1)], [Gbps("core", 4)]));

        Assert.True(result.IsAdmitted);
        Assert.Null(result.Conflict);
        Assert.Equal("c1", result.Reservation.Owner);
        Assert.Equal(W(0, 2), result.Reservation.Window);
        Assert.True(calendar.TryGet(result.Reservation.Id, out var stored));
        Assert.Equal(result.Reservation, stored);
        Assert.Equal(1, calendar.Count);
    }

    [Fact]
    public void TryReserve_PortHeldOverOverlap_RejectedNamingPortOwnerAndWindow()
    {
        var calendar = New();
        var first = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)]));

        var result = calendar.TryReserve(Request("c2", W(1, 3), [P(1, 2), P(1, 1)]));

        Assert.False(result.IsAdmitted);
        Assert.Equal("port S1:p1", result.Conflict.Resource);
        Assert.Equal(first.Reservation!.Id, result.Conflict.HeldBy);
        Assert.Equal("c1", result.Conflict.HeldByOwner);
        Assert.Equal(W(0, 2), result.Conflict.HeldWindow);
        Assert.Equal(
            "port S1:p1 wanted by 'c2' over [2026-11-23T13:00:00Z, 2026-11-23T15:00:00Z) is held by 'c1' (r1) over [2026-11-23T12:00:00Z, 2026-11-23T14:00:00Z)",
            result.Conflict.Reason);
        Assert.DoesNotContain('\n', result.Conflict.Reason);
    }

    [Fact]
    public void TryReserve_Rejected_NothingHalfApplied()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 2), [P(1, 9)]));

        // S1:p1 and the capacity on "core" are free, S1:p9 is not: none of it may be taken.
        var result = calendar.TryReserve(Request("c2", W(0, 2), [P(1, 1), P(1, 9)], [Gbps("core", 5)]));

        Assert.False(result.IsAdmitted);
        Assert.Equal(1, calendar.Count);
        Assert.True(calendar.Availability(W(0, 2)).IsFree(P(1, 1)));
        Assert.Equal(DataRate.FromGbps(10), calendar.AvailableCapacity("core", W(0, 2)));
    }

    [Fact]
    public void TryReserve_BackToBackWindows_BothAdmitted()
    {
        var calendar = New();

        Assert.True(calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)], [Gbps("core", 10)])).IsAdmitted);
        Assert.True(calendar.TryReserve(Request("c2", W(2, 4), [P(1, 1)], [Gbps("core", 10)])).IsAdmitted);
        Assert.True(calendar.TryReserve(Request("c3", W(-1, 0), [P(1, 1)], [Gbps("core", 10)])).IsAdmitted);
    }

    [Fact]
    public void TryReserve_CapacityExceededBySumOfOverlaps_RejectedWithHolder()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 4), links: [Gbps("core", 4)]));
        calendar.TryReserve(Request("c2", W(2, 6), links: [Gbps("core", 5)]));

        // Each alone leaves room for 2 Gb/s, but 4 + 5 are both held over [2, 4).
        var result = calendar.TryReserve(Request("c3", W(3, 5), links: [Gbps("core", 2)]));

        Assert.False(result.IsAdmitted);
        Assert.Equal("link core", result.Conflict.Resource);
        Assert.Equal("c2", result.Conflict.HeldByOwner);
        Assert.Equal(
            "link core: 'c3' needs 2 Gb/s over [2026-11-23T15:00:00Z, 2026-11-23T17:00:00Z) but only 1 Gb/s of 10 Gb/s is free at 2026-11-23T15:00:00Z " +
            "(largest holder 'c2' (r2) over [2026-11-23T14:00:00Z, 2026-11-23T18:00:00Z))",
            result.Conflict.Reason);
    }

    [Fact]
    public void TryReserve_OverlapsThatNeverCoincide_CapacityNotDoubleCounted()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 2), links: [Gbps("core", 6)]));
        calendar.TryReserve(Request("c2", W(2, 4), links: [Gbps("core", 6)]));

        // Overlaps both, but at no instant are both held: 6 + 4 fits.
        var result = calendar.TryReserve(Request("c3", W(1, 3), links: [Gbps("core", 4)]));

        Assert.True(result.IsAdmitted);
        Assert.Equal(DataRate.Zero, calendar.AvailableCapacity("core", W(0, 4)));
    }

    [Fact]
    public void TryReserve_CapacityExactlyFilled_Admitted()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 2), links: [Gbps("core", 2.5)]));
        calendar.TryReserve(Request("c2", W(0, 2), links: [Gbps("core", 2.5)]));

        Assert.True(calendar.TryReserve(Request("c3", W(0, 2), links: [Gbps("core", 5)])).IsAdmitted);
        Assert.False(calendar.TryReserve(Request("c4", W(1, 2), links: [Gbps("core", 0.001)])).IsAdmitted);
    }

    [Fact]
    public void TryReserve_OpenEnded_BlocksEveryLaterWindow()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", TimeWindow.From(H(5)), [P(1, 1)]));

        Assert.True(calendar.TryReserve(Request("c2", W(0, 5), [P(1, 1)])).IsAdmitted);
        var late = calendar.TryReserve(Request("c3", W(1000, 1001), [P(1, 1)]));
        Assert.False(late.IsAdmitted);
        Assert.Equal(TimeWindow.From(H(5)), late.Conflict.HeldWindow);
        Assert.False(calendar.TryReserve(Request("c4", TimeWindow.From(H(-10)), [P(1, 1)])).IsAdmitted);
    }

    [Fact]
    public void Release_Held_FreesPortsAndCapacity()
    {
        var calendar = New();
        var first = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)], [Gbps("core", 10)]));

        Assert.True(calendar.Release(first.Reservation!.Id));

        Assert.Equal(0, calendar.Count);
        Assert.True(calendar.TryReserve(Request("c2", W(0, 2), [P(1, 1)], [Gbps("core", 10)])).IsAdmitted);
    }

    [Fact]
    public void Release_AlreadyReleasedOrUnknown_ReturnsFalse()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)])).Reservation!.Id;

        Assert.True(calendar.Release(id));
        Assert.False(calendar.Release(id));
        Assert.False(calendar.Release(new ReservationId(999)));
    }

    [Fact]
    public void ChangeEnd_ExtendIntoFreeTime_Admitted()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)], [Gbps("core", 5)])).Reservation!.Id;
        calendar.TryReserve(Request("c2", W(10, 12), [P(1, 1)]));

        var result = calendar.ChangeEnd(id, H(10));

        Assert.True(result.IsAdmitted);
        Assert.Equal(W(0, 10), result.Reservation.Window);
        Assert.True(calendar.TryGet(id, out var stored));
        Assert.Equal(W(0, 10), stored.Window);
        Assert.False(calendar.At(H(9)).IsFree(P(1, 1)));
    }

    [Fact]
    public void ChangeEnd_ExtendIntoConflict_RejectedAndUnchanged()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)], [Gbps("core", 6)])).Reservation!.Id;
        calendar.TryReserve(Request("c2", W(3, 5), links: [Gbps("core", 6)]));

        var result = calendar.ChangeEnd(id, H(4));

        Assert.False(result.IsAdmitted);
        Assert.Equal("link core", result.Conflict.Resource);
        Assert.Equal("c2", result.Conflict.HeldByOwner);
        Assert.True(calendar.TryGet(id, out var stored));
        Assert.Equal(W(0, 2), stored.Window);
        Assert.False(calendar.ChangeEnd(id, null).IsAdmitted);
    }

    [Fact]
    public void ChangeEnd_Shrink_FreesTheTail()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", TimeWindow.From(H(0)), [P(1, 1)])).Reservation!.Id;

        var result = calendar.ChangeEnd(id, H(1));

        Assert.True(result.IsAdmitted);
        Assert.Equal(W(0, 1), result.Reservation.Window);
        Assert.True(calendar.TryReserve(Request("c2", W(1, 2), [P(1, 1)])).IsAdmitted);
    }

    [Fact]
    public void ChangeEnd_ToOpenWhenFree_Admitted()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", W(0, 1), [P(1, 1)])).Reservation!.Id;

        Assert.True(calendar.ChangeEnd(id, null).IsAdmitted);
        Assert.False(calendar.At(H(1e5)).IsFree(P(1, 1)));
    }

    [Fact]
    public void ChangeEnd_EndNotAfterStart_Throws()
    {
        var calendar = New();
        var id = calendar.TryReserve(Request("c1", W(1, 2), [P(1, 1)])).Reservation!.Id;

        var error = Assert.Throws<ReservationException>(() => calendar.ChangeEnd(id, H(1)));

        Assert.Equal(ReservationErrorKind.InvalidWindow, error.Kind);
        Assert.True(calendar.TryGet(id, out var stored));
        Assert.Equal(W(1, 2), stored.Window);
    }

    [Fact]
    public void ChangeEnd_UnknownReservation_Throws()
    {
        var error = Assert.Throws<ReservationException>(() => New().ChangeEnd(new ReservationId(7), H(1)));

        Assert.Equal(ReservationErrorKind.UnknownReservation, error.Kind);
        Assert.Equal("no reservation r7 to change (never admitted or already released)", error.Message);
    }

    [Fact]
    public void Availability_Window_MatchesReservations()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1), P(2, 1)]));
        calendar.TryReserve(Request("c2", W(2, 4), [P(1, 2)]));
        calendar.TryReserve(Request("c3", TimeWindow.From(H(10)), [P(1, 3)]));

        var early = calendar.Availability(W(0, 2));
        Assert.False(early.IsFree(P(1, 1)));
        Assert.False(early.IsFree(P(2, 1)));
        Assert.True(early.IsFree(P(1, 2)));
        Assert.True(early.IsFree(P(1, 3)));

        var span = calendar.Availability(W(1, 3));
        Assert.False(span.IsFree(P(1, 1)));
        Assert.False(span.IsFree(P(1, 2)));

        IPortAvailability forever = calendar.Availability(TimeWindow.From(H(5)));
        Assert.True(forever.IsFree(P(1, 1)));
        Assert.False(forever.IsFree(P(1, 3)));
        Assert.True(forever.IsFree(new PortRef("nowhere", "x")));
    }

    [Fact]
    public void Availability_IsSnapshot_LaterChangesDoNotLeakIn()
    {
        var calendar = New();
        var view = calendar.Availability(W(0, 1));

        calendar.TryReserve(Request("c1", W(0, 1), [P(1, 1)]));

        Assert.True(view.IsFree(P(1, 1)));
        Assert.False(calendar.Availability(W(0, 1)).IsFree(P(1, 1)));
    }

    [Fact]
    public void LiveAvailability_RandomCalendars_AgreesWithSnapshotAndFollowsChanges()
    {
        var random = new Random(11);
        var calendar = New();
        var held = new List<ReservationId>();
        for (int step = 0; step < 300; step++)
        {
            if (held.Count > 0 && random.Next(3) == 0)
            {
                int k = random.Next(held.Count);
                calendar.Release(held[k]);
                held.RemoveAt(k);
            }
            else
            {
                int start = random.Next(0, 20);
                var window = random.Next(4) == 0 ? TimeWindow.From(H(start)) : W(start, start + random.Next(1, 6));
                var result = calendar.TryReserve(Request($"c{step}", window, [P(random.Next(1, 3), random.Next(1, 4))]));
                if (result.Reservation is { } admitted)
                {
                    held.Add(admitted.Id);
                }
            }

            int from = random.Next(0, 24);
            var query = random.Next(4) == 0 ? TimeWindow.From(H(from)) : W(from, from + random.Next(1, 6));
            var snapshot = calendar.Availability(query);
            var live = calendar.LiveAvailability(query);
            for (int node = 1; node <= 2; node++)
            {
                for (int port = 1; port <= 3; port++)
                {
                    Assert.Equal(snapshot.IsFree(P(node, port)), live.IsFree(P(node, port)));
                }
            }
        }

        Assert.NotEmpty(held);
        var view = calendar.LiveAvailability(TimeWindow.From(H(0)));
        var taken = calendar.All()[0];
        Assert.False(view.IsFree(taken.Ports[0]));
        calendar.Release(taken.Id);
        Assert.Equal(calendar.Availability(TimeWindow.From(H(0))).IsFree(taken.Ports[0]), view.IsFree(taken.Ports[0]));
    }

    [Fact]
    public void At_Instant_HalfOpen()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(1, 2), [P(1, 1)]));

        Assert.True(calendar.At(H(0.999)).IsFree(P(1, 1)));
        Assert.False(calendar.At(H(1)).IsFree(P(1, 1)));
        Assert.True(calendar.At(H(2)).IsFree(P(1, 1)));
    }

    [Fact]
    public void ActiveAt_Time_ListsContainingWindowsInIdOrder()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 2), [P(1, 1)]));
        calendar.TryReserve(Request("c2", W(1, 3), [P(1, 2)]));
        calendar.TryReserve(Request("c3", TimeWindow.From(H(2)), [P(1, 3)]));

        Assert.Equal(["c1", "c2"], calendar.ActiveAt(H(1.5)).Select(r => r.Owner));
        Assert.Equal(["c2", "c3"], calendar.ActiveAt(H(2)).Select(r => r.Owner));
        Assert.Empty(calendar.ActiveAt(H(-1)));
    }

    [Fact]
    public void AvailableCapacity_Window_IsFreeAtBusiestInstant()
    {
        var calendar = New();
        calendar.TryReserve(Request("c1", W(0, 4), links: [Gbps("wide", 30)]));
        calendar.TryReserve(Request("c2", W(3, 5), links: [Gbps("wide", 50)]));

        Assert.Equal(DataRate.FromGbps(70), calendar.AvailableCapacity("wide", W(0, 3)));
        Assert.Equal(DataRate.FromGbps(20), calendar.AvailableCapacity("wide", W(0, 6)));
        Assert.Equal(DataRate.FromGbps(100), calendar.AvailableCapacity("wide", W(5, null)));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 1)]
    public void TryReserve_EndNotAfterStart_ThrowsInvalidWindow(double start, double end)
    {
        var error = Assert.Throws<ReservationException>(() => New().TryReserve(Request("c1", W(start, end), [P(1, 1)])));

        Assert.Equal(ReservationErrorKind.InvalidWindow, error.Kind);
        Assert.StartsWith("reservation for 'c1': window end ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReserve_ZeroBandwidth_ThrowsInvalidBandwidth()
    {
        var error = Assert.Throws<ReservationException>(() => New().TryReserve(Request("c1", W(0, 1), links: [Gbps("core", 0)])));

        Assert.Equal(ReservationErrorKind.InvalidBandwidth, error.Kind);
        Assert.Equal("reservation for 'c1': bandwidth on link core must be more than 0 b/s", error.Message);
    }

    [Fact]
    public void TryReserve_BandwidthAboveCapacity_ThrowsInvalidBandwidth()
    {
        var error = Assert.Throws<ReservationException>(() => New().TryReserve(Request("c1", W(0, 1), links: [Gbps("core", 11)])));

        Assert.Equal(ReservationErrorKind.InvalidBandwidth, error.Kind);
        Assert.Equal("reservation for 'c1': 11 Gb/s asked on link core exceeds its capacity of 10 Gb/s", error.Message);
    }

    [Fact]
    public void TryReserve_UnknownPort_ThrowsSayingWhere()
    {
        var calendar = New();

        var noPort = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), [P(1, 1), new PortRef("S1", "p99")])));
        var noNode = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), [new PortRef("X", "p1")])));

        Assert.Equal(ReservationErrorKind.UnknownPort, noPort.Kind);
        Assert.Equal("reservation for 'c1': node 'S1' has no port 'p99' in topology 'reservations'", noPort.Message);
        Assert.Equal("reservation for 'c1': port X:p1 is on unknown node 'X' in topology 'reservations'", noNode.Message);
        Assert.Equal(0, calendar.Count);
    }

    [Fact]
    public void TryReserve_UnknownLinkOrNoCapacity_Throws()
    {
        var calendar = New();

        var unknown = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), links: [Gbps("nope", 1)])));
        var dark = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), links: [Gbps("dark", 1)])));

        Assert.Equal(ReservationErrorKind.UnknownLink, unknown.Kind);
        Assert.Equal("reservation for 'c1': unknown link 'nope' in topology 'reservations'", unknown.Message);
        Assert.Equal(ReservationErrorKind.UnknownCapacity, dark.Kind);
        Assert.IsAssignableFrom<NetControlException>(dark);
    }

    [Fact]
    public void TryReserve_DuplicateResource_Throws()
    {
        var calendar = New();

        var port = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), [P(1, 1), P(1, 1)])));
        var link = Assert.Throws<ReservationException>(() => calendar.TryReserve(Request("c1", W(0, 1), links: [Gbps("core", 1), Gbps("core", 2)])));

        Assert.Equal(ReservationErrorKind.DuplicateResource, port.Kind);
        Assert.Equal("reservation for 'c1': port S1:p1 is listed twice", port.Message);
        Assert.Equal(ReservationErrorKind.DuplicateResource, link.Kind);
    }

    [Fact]
    public void TryReserve_NoOwner_Throws()
    {
        var error = Assert.Throws<ReservationException>(() => New().TryReserve(Request(" ", W(0, 1), [P(1, 1)])));

        Assert.Equal(ReservationErrorKind.MissingOwner, error.Kind);
    }

    [Fact]
    public void Availability_BadWindow_Throws()
    {
        var error = Assert.Throws<ReservationException>(() => New().Availability(W(1, 0)));

        Assert.Equal(ReservationErrorKind.InvalidWindow, error.Kind);
    }
}
