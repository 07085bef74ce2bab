using System.Buffers;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.StoreAndForward;

public sealed class StoreAndForwardQueueTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LogCapture _log = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Enqueue_Sequences_StartAtOneAndIncrease()
    {
        using var queue = Open();

        Assert.Equal(1, queue.Enqueue(Summaries.Make("agent-a", 1)));
        Assert.Equal(3, queue.EnqueueRange([Summaries.Make("agent-a", 2), Summaries.Make("agent-a", 3)]));
        Assert.Equal(3, queue.PendingCount);
    }

    [Fact]
    public void Enqueue_OtherAgentsSummary_Throws()
    {
        using var queue = Open();

        Assert.Throws<ArgumentException>(() => queue.Enqueue(Summaries.Make("agent-b", 1)));
    }

    [Fact]
    public void Open_AfterRestart_ResendsOnlyUnacknowledged()
    {
        using (var first = Open())
        {
            for (int i = 1; i <= 10; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }

            first.Complete(first.TryTake(4, int.MaxValue)!);
            _ = first.TryTake(3, int.MaxValue); // in flight, never acknowledged: the process "dies"
        }

        using var second = Open();

        Assert.Equal(6, second.PendingCount);
        Assert.Equal(6, second.Counters.Recovered);
        Assert.Equal(11, second.NextSequence);
        var batch = second.TryTake(100, int.MaxValue)!;
        Assert.Equal([5L, 6, 7, 8, 9, 10], batch.Items.Select(i => i.Sequence));
        Assert.Equal(7, Decode(batch.Items[2].Json).Sequence);
    }

    [Fact]
    public void Open_AfterEverythingAcknowledgedAndCompacted_KeepsSequenceCounter()
    {
        using (var first = Open(new StoreAndForwardOptions { Directory = _dir.Path, CompactAfterRemovals = 2 }))
        {
            for (int i = 1; i <= 5; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }

            first.Complete(first.TryTake(100, int.MaxValue)!);
            Assert.True(first.Counters.Compactions >= 2);
        }

        using var second = Open();

        Assert.Equal(0, second.PendingCount);
        Assert.Equal(6, second.Enqueue(Summaries.Make("agent-a", 6)));
    }

    [Fact]
    public void Open_TruncatedTail_SkipsItLogsAndKeepsTheRest()
    {
        using (var first = Open())
        {
            for (int i = 1; i <= 5; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }
        }

        string path = Path.Combine(_dir.Path, SummaryJournal.FileName);
        long length = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(length - 17); // a crash in the middle of the last append
        }

        using var second = Open();

        Assert.Equal(4, second.PendingCount);
        Assert.Equal(1, second.Counters.CorruptRegions);
        Assert.NotEmpty(_log.WithEvent(6201));
        Assert.Equal(5, second.Enqueue(Summaries.Make("agent-a", 5)));
    }

    [Fact]
    public void Open_GarbageInTheMiddle_ResynchronizesOnNextRecord()
    {
        using (var first = Open())
        {
            for (int i = 1; i <= 3; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }
        }

        string path = Path.Combine(_dir.Path, SummaryJournal.FileName);
        byte[] bytes = File.ReadAllBytes(path);
        int second = IndexOfRecord(bytes, 2); // the record of sequence 2
        bytes[second + 40] ^= 0xFF; // flip a byte inside it: checksum fails
        File.WriteAllBytes(path, bytes);

        using var reopened = Open();

        Assert.Equal([1L, 3], reopened.TryTake(100, int.MaxValue)!.Items.Select(i => i.Sequence));
        Assert.Equal(1, reopened.Counters.CorruptRegions);
        Assert.Contains(_log.Messages(6201), message => message.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_RandomBytesFile_DoesNotThrow()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, SummaryJournal.FileName), [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 % 251))]);

        using var queue = Open();

        Assert.Equal(0, queue.PendingCount);
        Assert.Equal(1, queue.Counters.CorruptRegions);
    }

    [Fact]
    public void Enqueue_PastBound_DropsOldestCountsAndLogs()
    {
        using var queue = Open(new StoreAndForwardOptions { Directory = _dir.Path, MaxPendingSummaries = 3 });

        for (int i = 1; i <= 5; i++)
        {
            queue.Enqueue(Summaries.Make("agent-a", i));
        }

        Assert.Equal(3, queue.PendingCount);
        Assert.Equal(2, queue.Counters.Dropped);
        Assert.NotEmpty(_log.WithEvent(6202));
        Assert.Equal([3L, 4, 5], queue.TryTake(100, int.MaxValue)!.Items.Select(i => i.Sequence));
    }

    [Fact]
    public void Enqueue_PastBoundAfterRestart_DropsStayDropped()
    {
        using (var first = Open(new StoreAndForwardOptions { Directory = _dir.Path, MaxPendingSummaries = 2 }))
        {
            for (int i = 1; i <= 4; i++)
            {
                first.Enqueue(Summaries.Make("agent-a", i));
            }
        }

        using var second = Open();

        Assert.Equal([3L, 4], second.TryTake(100, int.MaxValue)!.Items.Select(i => i.Sequence));
    }

    [Fact]
    public void Rewind_InFlight_ComesBackInOrderBeforeUnsent()
    {
        using var queue = Open();
        for (int i = 1; i <= 6; i++)
        {
            queue.Enqueue(Summaries.Make("agent-a", i));
        }

        var a = queue.TryTake(2, int.MaxValue)!;
        _ = queue.TryTake(2, int.MaxValue)!;
        queue.Complete(a);

        queue.Rewind();

        Assert.Equal([3L, 4, 5, 6], queue.TryTake(100, int.MaxValue)!.Items.Select(i => i.Sequence));
    }

    [Fact]
    public void TryTake_ByteLimit_SplitsBatches()
    {
        using var queue = Open();
        for (int i = 1; i <= 4; i++)
        {
            queue.Enqueue(Summaries.Make("agent-a", i));
        }

        var first = queue.TryTake(100, 1)!;

        Assert.Single(first.Items);
    }

    private StoreAndForwardQueue Open(StoreAndForwardOptions? options = null) =>
        new("agent-a", options ?? new StoreAndForwardOptions { Directory = _dir.Path }, _log.For<StoreAndForwardQueue>());

    private static ProbeSummary Decode(byte[] json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, MessagingJsonContext.Default.ProbeSummary)!;

    private static int IndexOfRecord(byte[] file, long sequence)
    {
        for (int o = 0; o < file.Length - 20; o++)
        {
            if (file[o] == 0x4E && file[o + 1] == 0x4A && file[o + 2] == 2 && BitConverter.ToInt64(file, o + 12) == sequence)
            {
                return o;
            }
        }

        throw new InvalidOperationException($"no record for {sequence}");
    }
}
