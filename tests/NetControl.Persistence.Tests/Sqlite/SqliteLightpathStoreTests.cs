using NetControl.Persistence.Sqlite;
using NetControl.Persistence.Tests.Support;

namespace NetControl.Persistence.Tests.Sqlite;

public sealed class SqliteLightpathStoreTests : IDisposable
{
    private readonly TempStoreDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LoadAsync_FullyPopulatedRecord_RoundTripsExactly()
    {
        var record = Lightpaths.Full();
        await using (var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath))
        {
            await store.SaveAsync(record);
            var loaded = Assert.Single(await store.LoadAsync());
            RecordAssert.Equal(record, loaded);
        }
    }

    [Fact]
    public async Task OpenAsync_ReopenedFile_SeesEverythingSaved()
    {
        var a = Lightpaths.Full("lp-a");
        var b = Lightpaths.WithHistory(Lightpaths.Full("lp-b"), 6, version: 3);
        await using (var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath))
        {
            await store.SaveAsync(a);
            await store.SaveAsync(b);
        }

        await using var reopened = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        var loaded = await reopened.LoadAsync();
        Assert.Equal(2, loaded.Count);
        RecordAssert.Equal(a, loaded.Single(r => r.Id == "lp-a"));
        RecordAssert.Equal(b, loaded.Single(r => r.Id == "lp-b"));
    }

    [Fact]
    public async Task SaveAsync_OlderOrSameVersion_IsIgnored()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        var v2 = Lightpaths.Full(version: 2) with { Owner = "v2" };
        await store.SaveAsync(v2);

        await store.SaveAsync(Lightpaths.Full(version: 1) with { Owner = "v1" });
        await store.SaveAsync(Lightpaths.Full(version: 2) with { Owner = "v2-again" });

        var loaded = Assert.Single(await store.LoadAsync());
        Assert.Equal("v2", loaded.Owner);
        Assert.Equal(2, loaded.Version);
    }

    [Fact]
    public async Task SaveAsync_NewerVersion_Wins()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full(version: 1) with { Owner = "v1" });
        var v5 = Lightpaths.WithHistory(Lightpaths.Full(version: 5) with { Owner = "v5" }, 5, version: 5);
        await store.SaveAsync(v5);

        RecordAssert.Equal(v5, Assert.Single(await store.LoadAsync()));
        Assert.Equal(1, _dir.Scalar("SELECT count(*) FROM lightpaths WHERE owner = 'v5' AND version = 5 AND state = 'Releasing'"));
    }

    [Fact]
    public async Task SaveAsync_HistoryGrowsAcrossVersions_AppendsOnlyNewTransitions()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full(version: 1, transitions: 2));
        Assert.Equal(2, _dir.Scalar("SELECT count(*) FROM transitions WHERE lightpath_id = 'lp-1'"));

        await store.SaveAsync(Lightpaths.Full(version: 2, transitions: 4));

        Assert.Equal(4, _dir.Scalar("SELECT count(*) FROM transitions WHERE lightpath_id = 'lp-1'"));
        Assert.Equal(1, _dir.Scalar("SELECT count(*) FROM transitions WHERE lightpath_id = 'lp-1' AND seq = 2 AND \"trigger\" = 'LinkFailed' AND from_state = 'Active' AND to_state = 'Restoring'"));
        Assert.Equal(4, Assert.Single(await store.LoadAsync()).History.Count);
    }

    [Fact]
    public async Task SaveAsync_ParallelSavesOfDifferentRecords_AllLoad()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        var records = Enumerable.Range(0, 200).Select(i => Lightpaths.Full($"lp-{i:D3}", version: 1 + (i % 3))).ToArray();

        await Task.WhenAll(records.Select(r => Task.Run(() => store.SaveAsync(r))));

        var loaded = (await store.LoadAsync()).ToDictionary(r => r.Id, StringComparer.Ordinal);
        Assert.Equal(200, loaded.Count);
        foreach (var record in records)
        {
            RecordAssert.Equal(record, loaded[record.Id]);
        }
    }

    [Fact]
    public async Task SaveAsync_ParallelVersionsOfOneRecord_NewestWins()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        var versions = Enumerable.Range(1, 50).Select(v => Lightpaths.Full(version: v) with { Owner = $"v{v}" }).ToArray();

        await Task.WhenAll(versions.Reverse().Select(r => Task.Run(() => store.SaveAsync(r))));

        Assert.Equal("v50", Assert.Single(await store.LoadAsync()).Owner);
    }

    [Fact]
    public async Task SaveAsync_NotReleased_WritesPortAllocationsAndReservation()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full());

        Assert.Equal(9, _dir.Scalar("SELECT count(*) FROM port_allocations WHERE lightpath_id = 'lp-1'"));
        Assert.Equal(3, _dir.Scalar("SELECT count(*) FROM port_allocations WHERE leg = 'home'"));
        Assert.Equal(1, _dir.Scalar("SELECT count(*) FROM port_allocations WHERE node = 'CHI-PXC' AND port = '1.3' AND leg = 'working' AND window_end IS NOT NULL"));
        Assert.Equal(1, _dir.Scalar("SELECT count(*) FROM reservations WHERE lightpath_id = 'lp-1' AND bandwidth_bps = 1234567.5"));
    }

    [Fact]
    public async Task SaveAsync_Released_RemovesPortAllocationsAndReservation()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full());
        await store.SaveAsync(Lightpaths.WithHistory(Lightpaths.Full(), 6, version: 2));

        Assert.Equal(0, _dir.Scalar("SELECT count(*) FROM port_allocations"));
        Assert.Equal(0, _dir.Scalar("SELECT count(*) FROM reservations"));
        Assert.Equal(1, _dir.Scalar("SELECT count(*) FROM lightpaths WHERE state = 'Released'"));
    }

    [Fact]
    public async Task PruneReleasedAsync_ReleasedBeforeCutoff_DeletesItAndItsRows()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        var released = Lightpaths.WithHistory(Lightpaths.Full("lp-old"), 6, version: 2); // last transition at T0 + 5 s
        await store.SaveAsync(released);
        await store.SaveAsync(Lightpaths.Full("lp-active"));

        Assert.Equal(0, await store.PruneReleasedAsync(Lightpaths.T0.AddSeconds(5)));
        Assert.Equal(1, await store.PruneReleasedAsync(Lightpaths.T0.AddSeconds(6)));

        Assert.Equal("lp-active", Assert.Single(await store.LoadAsync()).Id);
        Assert.Equal(0, _dir.Scalar("SELECT count(*) FROM transitions WHERE lightpath_id = 'lp-old'"));
        Assert.Equal(4, _dir.Scalar("SELECT count(*) FROM transitions WHERE lightpath_id = 'lp-active'"));
    }

    [Fact]
    public async Task PruneReleasedAsync_NotReleased_KeepsIt()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full("lp-active"));

        Assert.Equal(0, await store.PruneReleasedAsync(DateTimeOffset.MaxValue));
        Assert.Single(await store.LoadAsync());
    }

    [Fact]
    public async Task SaveAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveAsync(Lightpaths.Full()));
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWalAndCurrentSchemaVersion()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);

        using var connection = _dir.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(1, _dir.Scalar("SELECT max(version) FROM schema_version"));
    }
}
