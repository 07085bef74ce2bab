using NetControl.Probes.Sessions;
using NetControl.Probes.Stamp;
using NetControl.Probes.Timestamps;
using NetControl.Tests.Shared;

namespace NetControl.Probes.Tests.Sessions;

/// <summary>The sender's bookkeeping under virtual time: Tmax, late and duplicate replies, interval closing.</summary>
public sealed class StampSessionTrackerTests
{
    private const long Base = 1_900_000_000_000_000_000; // T1 clock, ns since 1970 (2030)
    private static readonly TimeSpan Tmax = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _time = new();
    private readonly StampSessionTracker _tracker;

    public StampSessionTrackerTests() => _tracker = new StampSessionTracker(_time, Tmax, Interval, ReceiveClock.UserSpace);

    [Fact]
    public void OnReply_WithinTmax_CountsReceivedWithExactRtt()
    {
        var t1 = NtpTimestamp.FromUnixNanoseconds(Base);
        var sequence = _tracker.RegisterSent(t1);

        // Residence 100 us, T4 - T1 = 1.1 ms: RTT 1 ms.
        var outcome = _tracker.OnReply(Reply(sequence, t1, residenceNs: 100_000), Base + 1_100_000, ReceiveClock.Kernel);
        _time.Advance(Interval);
        var summary = Assert.Single(_tracker.Poll());

        Assert.Equal(ReplyOutcome.Matched, outcome);
        Assert.Equal((1, 1, 0), (summary.Sent, summary.Received, summary.Lost));
        Assert.Equal(TimeSpan.FromMilliseconds(1), summary.Rtt!.Min);
        Assert.Equal(ReceiveClock.Kernel, summary.Clock);
        Assert.Equal(TimeSpan.Zero, summary.Jitter);
    }

    [Fact]
    public void OnReply_AfterTmax_IsLateAndLostNotADelay()
    {
        var first = NtpTimestamp.FromUnixNanoseconds(Base);
        var second = NtpTimestamp.FromUnixNanoseconds(Base + 100_000_000);
        var s1 = _tracker.RegisterSent(first);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var s2 = _tracker.RegisterSent(second);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(ReplyOutcome.Matched, _tracker.OnReply(Reply(s1, first), Base + 2_000_000, ReceiveClock.Kernel));

        _time.Advance(TimeSpan.FromMilliseconds(500));  // s2 has now waited exactly Tmax
        Assert.Empty(_tracker.Poll());
        var late = _tracker.OnReply(Reply(s2, second), Base + 5_000_000_000, ReceiveClock.Kernel);
        _time.Advance(Interval);
        var summary = Assert.Single(_tracker.Poll());

        Assert.Equal(ReplyOutcome.Late, late);
        Assert.Equal((2, 1, 1, 1), (summary.Sent, summary.Received, summary.Lost, summary.Late));
        Assert.Equal(0.5, summary.LossRatio);
        Assert.Equal(TimeSpan.FromMilliseconds(2), summary.Rtt!.Max);
    }

    [Fact]
    public void OnReply_AtTmaxWithoutPoll_IsStillLate()
    {
        var t1 = NtpTimestamp.FromUnixNanoseconds(Base);
        var sequence = _tracker.RegisterSent(t1);
        _time.Advance(Tmax);

        Assert.Equal(ReplyOutcome.Late, _tracker.OnReply(Reply(sequence, t1), Base + 1_000, ReceiveClock.Kernel));
        Assert.False(_tracker.HasOutstanding);
    }

    [Fact]
    public void OnReply_SecondCopy_IsDuplicateAndReceivedOnce()
    {
        var t1 = NtpTimestamp.FromUnixNanoseconds(Base);
        var sequence = _tracker.RegisterSent(t1);

        _tracker.OnReply(Reply(sequence, t1), Base + 1_000_000, ReceiveClock.Kernel);
        var second = _tracker.OnReply(Reply(sequence, t1), Base + 1_000_000, ReceiveClock.Kernel);
        var summary = Assert.Single(_tracker.Complete());

        Assert.Equal(ReplyOutcome.Duplicate, second);
        Assert.Equal((1, 1, 1), (summary.Sent, summary.Received, summary.Duplicates));
    }

    [Fact]
    public void OnReply_LaterPacketAnsweredFirst_CountsOneReordered()
    {
        var a = NtpTimestamp.FromUnixNanoseconds(Base);
        var b = NtpTimestamp.FromUnixNanoseconds(Base + 10_000_000);
        var s1 = _tracker.RegisterSent(a);
        var s2 = _tracker.RegisterSent(b);

        _tracker.OnReply(Reply(s2, b), Base + 11_000_000, ReceiveClock.Kernel);
        _tracker.OnReply(Reply(s1, a), Base + 12_000_000, ReceiveClock.Kernel);
        var summary = Assert.Single(_tracker.Complete());

        Assert.Equal(1, summary.Reordered);
        Assert.Equal(2, summary.Received);
        Assert.Equal(TimeSpan.FromMilliseconds(12), summary.Rtt!.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(1), summary.Rtt.Min);
    }

    [Fact]
    public void OnReply_WrongT1_IsUnknown()
    {
        var t1 = NtpTimestamp.FromUnixNanoseconds(Base);
        var sequence = _tracker.RegisterSent(t1);

        Assert.Equal(ReplyOutcome.Unknown, _tracker.OnReply(Reply(sequence, new NtpTimestamp(t1.Seconds, t1.Fraction + 1)), Base + 1, ReceiveClock.Kernel));
        Assert.Equal(ReplyOutcome.Unknown, _tracker.OnReply(Reply(sequence + 1, t1), Base + 1, ReceiveClock.Kernel));
        Assert.True(_tracker.HasOutstanding);
    }

    [Fact]
    public void Poll_IntervalEndedWithPacketOutstanding_WaitsForTmax()
    {
        var tracker = new StampSessionTracker(_time, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), ReceiveClock.Kernel);
        tracker.RegisterSent(NtpTimestamp.FromUnixNanoseconds(Base));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(tracker.Poll());
        _time.Advance(TimeSpan.FromSeconds(4));
        var summary = Assert.Single(tracker.Poll());

        Assert.Equal((1, 0, 1), (summary.Sent, summary.Received, summary.Lost));
        Assert.Null(summary.Rtt);
        Assert.Null(summary.Jitter);
        Assert.Equal(ReceiveClock.Kernel, summary.Clock);
        Assert.Equal(TimeSpan.FromSeconds(1), summary.End - summary.Start);
    }

    [Fact]
    public void RegisterSent_AcrossIntervals_AttributesPacketsToTheirSendInterval()
    {
        var tracker = new StampSessionTracker(_time, TimeSpan.FromSeconds(30), Interval, ReceiveClock.Kernel);
        var t1 = NtpTimestamp.FromUnixNanoseconds(Base);
        var s1 = tracker.RegisterSent(t1);
        _time.Advance(Interval);
        var t2 = NtpTimestamp.FromUnixNanoseconds(Base + 10_000_000_000);
        var s2 = tracker.RegisterSent(t2);
        tracker.OnReply(Reply(s2, t2), Base + 10_003_000_000, ReceiveClock.Kernel);
        tracker.OnReply(Reply(s1, t1), Base + 10_004_000_000, ReceiveClock.UserSpace);

        var summaries = tracker.Complete();

        Assert.Equal(2, summaries.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(10_004), summaries[0].Rtt!.Min);
        Assert.Equal(ReceiveClock.UserSpace, summaries[0].Clock);
        Assert.Equal(TimeSpan.FromMilliseconds(3), summaries[1].Rtt!.Min);
        Assert.Equal(ReceiveClock.Kernel, summaries[1].Clock);
        Assert.Equal(summaries[0].End, summaries[1].Start);
        Assert.Equal(1, summaries[1].Reordered + summaries[0].Reordered);
    }

    private static StampReflectorPacket Reply(uint sequence, NtpTimestamp t1, long residenceNs = 0)
    {
        var t2 = new NtpTimestamp(0x9000_0000, 0);      // the reflector's own clock, far from ours
        var t3 = NtpTimestamp.FromUnixNanoseconds(t2.ToUnixNanoseconds() + residenceNs);
        return new StampReflectorPacket(sequence, t3, ErrorEstimate.Default, 1, t2, sequence, t1, ErrorEstimate.Default, 64);
    }
}
