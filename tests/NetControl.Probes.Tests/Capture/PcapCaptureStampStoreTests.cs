using System.Net;
using NetControl.Probes.Capture;

namespace NetControl.Probes.Tests.Capture;

/// <summary>The bounded store between the pcap capture thread and the receiving thread.</summary>
public sealed class PcapCaptureStampStoreTests
{
    private static readonly DatagramKey A = Key(1);
    private static readonly DatagramKey B = Key(2);
    private static readonly DatagramKey C = Key(3);

    [Fact]
    public void TryTake_Added_ReturnsStampOnce()
    {
        var store = new CaptureStampStore(16, TimeSpan.FromSeconds(2), new ManualTime());

        store.Add(A, 42);

        Assert.True(store.TryTake(A, TimeSpan.Zero, out long stamp));
        Assert.Equal(42, stamp);
        Assert.False(store.TryTake(A, TimeSpan.Zero, out _));
    }

    [Fact]
    public void Add_DuplicateKeyBeforeClaim_KeepsFirst()
    {
        var store = new CaptureStampStore(16, TimeSpan.FromSeconds(2), new ManualTime());

        store.Add(A, 1);
        store.Add(A, 2);

        Assert.True(store.TryTake(A, TimeSpan.Zero, out long stamp));
        Assert.Equal(1, stamp);
    }

    [Fact]
    public void Add_AfterLifetime_OlderEntriesExpire()
    {
        var time = new ManualTime();
        var store = new CaptureStampStore(16, TimeSpan.FromSeconds(2), time);
        store.Add(A, 1);

        time.Advance(TimeSpan.FromSeconds(3));
        store.Add(B, 2);

        Assert.False(store.TryTake(A, TimeSpan.Zero, out _));
        Assert.True(store.TryTake(B, TimeSpan.Zero, out _));
        Assert.Equal(1, store.Evicted);
    }

    [Fact]
    public void Add_BeyondCapacity_EvictsOldest()
    {
        var store = new CaptureStampStore(2, TimeSpan.FromSeconds(2), new ManualTime());

        store.Add(A, 1);
        store.Add(B, 2);
        store.Add(C, 3);

        Assert.Equal(2, store.Count);
        Assert.False(store.TryTake(A, TimeSpan.Zero, out _));
        Assert.True(store.TryTake(C, TimeSpan.Zero, out _));
    }

    [Fact]
    public void Add_ManyClaimed_AgeQueueStaysBounded()
    {
        var store = new CaptureStampStore(4, TimeSpan.FromSeconds(2), new ManualTime());

        for (int i = 0; i < 1000; i++)
        {
            store.Add(Key(i), i);
            Assert.True(store.TryTake(Key(i), TimeSpan.Zero, out _));
        }

        store.Add(A, 7);
        Assert.Equal(1, store.Count);
        Assert.Equal(0, store.Evicted);
    }

    [Fact]
    public async Task TryTake_AddedLaterByAnotherThread_WaitsForIt()
    {
        var store = new CaptureStampStore(16, TimeSpan.FromSeconds(2), new ManualTime());

        var taking = Task.Run(() => (store.TryTake(A, TimeSpan.FromSeconds(10), out long stamp), stamp));
        await Task.Delay(50);
        store.Add(A, 9);

        var (found, stamp) = await taking.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(found);
        Assert.Equal(9, stamp);
    }

    [Fact]
    public void TryTake_NeverAdded_GivesUpAfterTheWait()
    {
        var store = new CaptureStampStore(16, TimeSpan.FromSeconds(2), new ManualTime());
        long start = Environment.TickCount64;

        Assert.False(store.TryTake(A, TimeSpan.FromMilliseconds(30), out _));
        Assert.InRange(Environment.TickCount64 - start, 25, 5000);
    }

    private static DatagramKey Key(int seq) => DatagramKey.Create(IPAddress.Loopback, 9000, 4, BitConverter.GetBytes(seq));

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1_000_000_000;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += (long)(by.TotalSeconds * TimestampFrequency);
    }
}
