using Microsoft.Data.Sqlite;

namespace NetControl.Persistence.Tests.Telemetry;

/// <summary>A fresh temporary directory for one telemetry store file, deleted (with the WAL files) on dispose.</summary>
internal sealed class TelemetryStoreFile : IDisposable
{
    public TelemetryStoreFile()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netcontrol-telemetry-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "telemetry", "rollups.db");
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Runs SQL on the file through a raw connection, as an operator would.</summary>
    public long Execute(string sql)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked handle must not hide the test's own result.
        }
    }
}
