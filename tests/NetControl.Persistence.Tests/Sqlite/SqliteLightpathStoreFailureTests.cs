using NetControl.Persistence.Sqlite;
using NetControl.Persistence.Tests.Support;

namespace NetControl.Persistence.Tests.Sqlite;

public sealed class SqliteLightpathStoreFailureTests : IDisposable
{
    private readonly TempStoreDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OpenAsync_RandomBytes_ThrowsNamingTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.FilePath)!);
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(_dir.FilePath, bytes);

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteLightpathStore.OpenAsync(_dir.FilePath));

        Assert.Contains(_dir.FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsClearError()
    {
        await (await SqliteLightpathStore.OpenAsync(_dir.FilePath)).DisposeAsync();
        _dir.Execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteLightpathStore.OpenAsync(_dir.FilePath));

        Assert.Contains(_dir.FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ForeignSqliteDatabase_ThrowsNotANetControlStore()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_dir.FilePath)!);
        _dir.Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteLightpathStore.OpenAsync(_dir.FilePath));

        Assert.Contains("not a NetControl store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_GarbageDocument_ThrowsNamingTheLightpath()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full("lp-good"));
        await store.SaveAsync(Lightpaths.Full("lp-bad"));
        _dir.Execute("UPDATE lightpaths SET document = '{\"id\": \"lp-bad\", \"owner\": ' WHERE id = 'lp-bad'");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => store.LoadAsync());

        Assert.Contains(_dir.FilePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("'lp-bad'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_DocumentMissingRequiredMember_ThrowsNamingTheLightpath()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full("lp-bad"));
        _dir.Execute("UPDATE lightpaths SET document = json_remove(document, '$.owner') WHERE id = 'lp-bad'");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => store.LoadAsync());

        Assert.Contains("'lp-bad'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_TransitionsTableDisagreesWithDocument_Throws()
    {
        await using var store = await SqliteLightpathStore.OpenAsync(_dir.FilePath);
        await store.SaveAsync(Lightpaths.Full("lp-1", transitions: 4));
        _dir.Execute("DELETE FROM transitions WHERE lightpath_id = 'lp-1' AND seq = 3");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => store.LoadAsync());

        Assert.Contains("'lp-1' has 4 transitions in its document but 3", e.Message, StringComparison.Ordinal);
    }
}
