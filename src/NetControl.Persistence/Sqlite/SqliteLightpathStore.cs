using Microsoft.Data.Sqlite;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Persistence;

namespace NetControl.Persistence.Sqlite;

/// <summary>
/// The embedded lightpath store: one SQLite file in WAL mode with <c>synchronous=NORMAL</c>, so a committed save
/// survives a crash of the process (a power loss may lose the last commits, never corrupt the file). One connection,
/// calls serialised by a semaphore: a save is a short local transaction, so queueing beats connection contention.
/// </summary>
public sealed class SqliteLightpathStore : ILightpathStore
{
    private const int BusyTimeoutMs = 5000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly LightpathRowWriter _writer;
    private bool _disposed;

    private SqliteLightpathStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _writer = new LightpathRowWriter(connection);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file (and its directory) and the schema when absent,
    /// and migrating an older schema. Throws <see cref="PersistenceException"/> when the file is not a SQLite
    /// database, is another application's database, or was written by a newer NetControl.
    /// </summary>
    public static Task<SqliteLightpathStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        string fullPath = System.IO.Path.GetFullPath(path);
        string? directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteSchema.Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}");
            string? journal = Scalar(connection, "PRAGMA journal_mode = WAL"); // the first statement that reads the file header
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new PersistenceException($"lightpath store '{fullPath}' cannot use write-ahead logging (journal mode stays '{journal}'): put it on a local file system");
            }

            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL");
            SqliteSchema.Execute(connection, "PRAGMA foreign_keys = ON");
            SqliteSchema.Migrate(connection, fullPath);
            return Task.FromResult(new SqliteLightpathStore(fullPath, connection));
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Wrap(fullPath, "opening", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<LightpathRecord>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return LightpathRowReader.LoadAll(_connection, Path);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(Path, "loading lightpaths", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SaveAsync(LightpathRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer.Save(record);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(Path, $"saving lightpath '{record.Id}' version {record.Version}", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> PruneReleasedAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            // Side rows go with the lightpath (ON DELETE CASCADE).
            command.CommandText =
                """
                DELETE FROM lightpaths
                WHERE state = 'Released'
                  AND (SELECT t.at FROM transitions t WHERE t.lightpath_id = lightpaths.id ORDER BY t.seq DESC LIMIT 1) < $before
                """;
            command.Parameters.AddWithValue("$before", SqliteTimestamp.Format(before));
            int removed = command.ExecuteNonQuery();
            transaction.Commit();
            return removed;
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap(Path, "pruning released lightpaths", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(SqliteLightpathStore), $"lightpath store '{Path}' is closed");
        }
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
