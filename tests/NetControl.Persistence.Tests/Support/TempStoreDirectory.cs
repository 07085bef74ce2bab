using Microsoft.Data.Sqlite;

namespace NetControl.Persistence.Tests.Support;

/// <summary>A fresh temporary directory holding one store file, deleted (with the WAL files) on dispose.</summary>
internal sealed class TempStoreDirectory : IDisposable
{
    public TempStoreDirectory()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netcontrol-persistence-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = System.IO.Path.Combine(Directory, "state", "lightpaths.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    /// <summary>A raw connection to the store file, as an operator would open it (not pooled, so the file is released).</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
