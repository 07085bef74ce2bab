using NetControl.Core.Telemetry;
using NetControl.Persistence.Sqlite;
using NetControl.Persistence.Telemetry;

namespace NetControl.Persistence.Tests.Telemetry;

public sealed class SqliteTelemetryRollupStoreFailureTests : IDisposable
{
    private readonly TelemetryStoreFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task OpenAsync_RandomBytes_ThrowsOneLineNamingTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(_file.Path, bytes);

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteTelemetryRollupStore.OpenAsync(_file.Path));

        Assert.Equal($"telemetry store '{_file.Path}' is not a SQLite database (opening)", e.Message);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task WriteAsync_LazyStoreOnRandomBytes_ThrowsOnFirstUse()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        await File.WriteAllTextAsync(_file.Path, new string('x', 4096));
        await using var store = new SqliteTelemetryRollupStore(_file.Path);

        var e = await Assert.ThrowsAsync<PersistenceException>(
            () => store.ReadAsync("cern-chi", RollupResolution.Minute, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Contains("not a SQLite database", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_ForeignSqliteDatabase_ThrowsNotATelemetryStore()
    {
        _file.Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteTelemetryRollupStore.OpenAsync(_file.Path));

        Assert.Contains(_file.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a NetControl telemetry store", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task OpenAsync_LightpathStoreFile_ThrowsNotATelemetryStore()
    {
        await (await SqliteLightpathStore.OpenAsync(_file.Path)).DisposeAsync();

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteTelemetryRollupStore.OpenAsync(_file.Path));

        Assert.Contains("not a NetControl telemetry store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsClearError()
    {
        await (await SqliteTelemetryRollupStore.OpenAsync(_file.Path)).DisposeAsync();
        _file.Execute("INSERT INTO telemetry_schema_version (version, applied_at) VALUES (42, 'later')");

        var e = await Assert.ThrowsAsync<PersistenceException>(() => SqliteTelemetryRollupStore.OpenAsync(_file.Path));

        Assert.Contains("schema version 42, newer than the 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConnectionStringWithoutDataSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SqliteTelemetryRollupStore("Data Source=;Mode=ReadWriteCreate"));
        Assert.Throws<ArgumentException>(() => new SqliteTelemetryRollupStore(" "));
    }
}
