using System.Diagnostics;
using NetControl.Persistence.Sqlite;
using NetControl.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Persistence.Tests.Sqlite;

/// <summary>Prints save timings (measured, not asserted: a loaded CI machine must not fail a build).</summary>
public sealed class SqliteLightpathStoreTimingTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempStoreDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SaveAsync_SequentialAndConcurrent_PrintsTimePerSave()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full("warm-up"));

        const int sequential = 1000;
        var watch = Stopwatch.StartNew();
        for (int v = 1; v <= sequential; v++)
        {
            await store.SaveAsync(Lightpaths.Full("lp-seq", version: v));
        }

        double perSaveUs = watch.Elapsed.TotalMicroseconds / sequential;

        var records = Enumerable.Range(0, 200).Select(i => Lightpaths.Full($"lp-par-{i}")).ToArray();
        watch.Restart();
        await Task.WhenAll(records.Select(r => Task.Run(() => store.SaveAsync(r))));
        double concurrentMs = watch.Elapsed.TotalMilliseconds;

        string line = $"sqlite save: {perSaveUs:0} us per save ({sequential} sequential, full record); 200 concurrent saves in {concurrentMs:0.0} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(201 + 1, (await store.LoadAsync()).Count);
    }
}
