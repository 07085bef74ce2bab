using NetControl.Core.Devices;

namespace NetControl.Core.Tests.Devices;

public sealed class CoalescedReadTests
{
    private readonly List<TaskCompletionSource<int>> _reads = [];
    private readonly CoalescedRead<int> _coalesced;

    public CoalescedReadTests() => _coalesced = new CoalescedRead<int>(maxInFlight: 1, read: _ =>
    {
        var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_reads)
        {
            _reads.Add(read);
        }

        return read.Task;
    });

    private int ReadsSent
    {
        get
        {
            lock (_reads)
            {
                return _reads.Count;
            }
        }
    }

    [Fact]
    public async Task ReadAsync_Alone_SendsItsOwnReadAtOnce()
    {
        var result = _coalesced.ReadAsync();

        Assert.Equal(1, ReadsSent);
        _reads[0].SetResult(7);
        Assert.Equal(7, await result);
    }

    [Fact]
    public async Task ReadAsync_CallersDuringARead_ShareOneReadSentAfterIt()
    {
        var first = _coalesced.ReadAsync();
        var joiners = Enumerable.Range(0, 10).Select(_ => _coalesced.ReadAsync()).ToList();

        // The joiners may have sent commands after the first read left: they must not get its answer.
        Assert.Equal(1, ReadsSent);
        _reads[0].SetResult(1);
        Assert.Equal(1, await first);
        await NetControl.Tests.Shared.Eventually.TrueAsync(() => ReadsSent == 2, TimeSpan.FromSeconds(10));
        Assert.All(joiners, j => Assert.False(j.IsCompleted));

        _reads[1].SetResult(2);
        Assert.All(await Task.WhenAll(joiners), v => Assert.Equal(2, v));
        Assert.Equal(2, ReadsSent);
    }

    [Fact]
    public async Task ReadAsync_TwoReadsAllowed_SecondCallerGetsItsOwnAtOnceThirdWaits()
    {
        var reads = new List<TaskCompletionSource<int>>();
        var coalesced = new CoalescedRead<int>(
            _ =>
            {
                var r = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (reads)
                {
                    reads.Add(r);
                }

                return r.Task;
            },
            maxInFlight: 2);

        var poll = coalesced.ReadAsync();
        var verify = coalesced.ReadAsync();
        var third = coalesced.ReadAsync();
        var fourth = coalesced.ReadAsync();

        Assert.Equal(2, reads.Count);
        reads[1].SetResult(20);
        Assert.Equal(20, await verify);
        await NetControl.Tests.Shared.Eventually.TrueAsync(
            () =>
            {
                lock (reads)
                {
                    return reads.Count == 3;
                }
            },
            TimeSpan.FromSeconds(10));
        reads[2].SetResult(30);
        Assert.Equal(30, await third);
        Assert.Equal(30, await fourth);
        Assert.False(poll.IsCompleted);
        reads[0].SetResult(10);
        Assert.Equal(10, await poll);
    }

    [Fact]
    public async Task ReadAsync_AfterAllReadsEnded_SendsANewRead()
    {
        var first = _coalesced.ReadAsync();
        _reads[0].SetResult(1);
        await first;

        var second = _coalesced.ReadAsync();

        await NetControl.Tests.Shared.Eventually.TrueAsync(() => ReadsSent == 2, TimeSpan.FromSeconds(10));
        _reads[1].SetResult(5);
        Assert.Equal(5, await second);
    }

    [Fact]
    public async Task ReadAsync_SharedReadFails_EveryCallerSeesTheError()
    {
        var first = _coalesced.ReadAsync();
        var joiner = _coalesced.ReadAsync();
        _reads[0].SetException(new DeviceException("SW", "read failed", "IIAC"));
        await Assert.ThrowsAsync<DeviceException>(() => first);

        await NetControl.Tests.Shared.Eventually.TrueAsync(() => ReadsSent == 2, TimeSpan.FromSeconds(10));
        _reads[1].SetException(new DeviceException("SW", "read failed again", "IIAC"));
        var error = await Assert.ThrowsAsync<DeviceException>(() => joiner);
        Assert.Contains("again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OneWaiterCancels_OthersStillGetTheRead()
    {
        using var cancel = new CancellationTokenSource();
        var quitter = _coalesced.ReadAsync(cancel.Token);
        var stayer = _coalesced.ReadAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        _reads[0].SetResult(3);
        await NetControl.Tests.Shared.Eventually.TrueAsync(() => ReadsSent == 2, TimeSpan.FromSeconds(10));
        _reads[1].SetResult(4);
        Assert.Equal(4, await stayer);
    }
}
