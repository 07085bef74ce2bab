using Microsoft.Data.Sqlite;
using NetControl.Core.Telemetry;
using NetControl.Persistence.Sqlite;

namespace NetControl.Persistence.Telemetry;

/// <summary>
/// Link telemetry roll-ups in their own SQLite file (WAL, <c>synchronous=NORMAL</c>), apart from the lightpath store
/// so that a minute's batch of roll-ups never queues behind, or holds up, a lightpath save. One connection, calls
/// serialised by a semaphore, the upsert prepared once.
/// <para>
/// Merge semantics: one row per (link, resolution, bucket start, <see cref="TelemetryRollup.Origin"/>). A write
/// replaces the row with the same key, so retrying a batch never double counts; parts of one bucket written by
/// different origins (a controller restarted mid-hour, whose <see cref="RollupAggregator.TakeAll"/> wrote the first
/// part) are kept side by side and merged on read (counts add, min/max combine, averages weighted by their counts).
/// </para>
/// </summary>
public sealed class SqliteTelemetryRollupStore : ITelemetryRollupStore, IAsyncDisposable
{
    private const int BusyTimeoutMs = 5000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private RollupRowWriter? _writer;
    private bool _disposed;

    /// <summary>
    /// Prepares a store on a file path, or on a SQLite connection string (one with a <c>Data Source</c>). Nothing is
    /// opened until the first call (or <see cref="OpenAsync"/>), which creates the file, its directory and the schema
    /// when missing and throws <see cref="PersistenceException"/> for a file that is not a telemetry store.
    /// </summary>
    public SqliteTelemetryRollupStore(string pathOrConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        var builder = LooksLikeConnectionString(pathOrConnectionString)
            ? new SqliteConnectionStringBuilder(pathOrConnectionString)
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        ArgumentException.ThrowIfNullOrWhiteSpace(builder.DataSource, nameof(pathOrConnectionString));
        builder.DataSource = System.IO.Path.GetFullPath(builder.DataSource);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = false;
        builder.DefaultTimeout = BusyTimeoutMs / 1000;
        Path = builder.DataSource;
        _connectionString = builder.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Creates the store and opens it now, so that a bad file fails at startup rather than at the first write.</summary>
    public static async Task<SqliteTelemetryRollupStore> OpenAsync(string pathOrConnectionString, CancellationToken cancellationToken = default)
    {
        var store = new SqliteTelemetryRollupStore(pathOrConnectionString);
        await store.EnterAsync(cancellationToken).ConfigureAwait(false);
        store._gate.Release();
        return store;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<TelemetryRollup> rollups, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        for (int i = 0; i < rollups.Count; i++)
        {
            Check(rollups[i], i);
        }

        if (rollups.Count == 0)
        {
            return;
        }

        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            _writer!.Write(rollups, ct);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap("telemetry store", Path, $"writing {rollups.Count} roll-ups", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TelemetryRollup>> ReadAsync(
        string linkId, RollupResolution resolution, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            return RollupRowReader.Read(_connection!, Path, linkId, resolution, from, to);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap("telemetry store", Path, $"reading {RollupColumns.Resolution(resolution)} roll-ups of link '{linkId}'", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes the roll-ups at <paramref name="resolution"/> whose bucket starts before <paramref name="before"/> (retention); returns the rows removed.</summary>
    public async Task<int> PruneAsync(RollupResolution resolution, DateTimeOffset before, CancellationToken ct)
    {
        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            using var command = _connection!.CreateCommand();
            command.CommandText = "DELETE FROM telemetry_rollups WHERE resolution = $resolution AND bucket_start < $before";
            command.Parameters.AddWithValue("$resolution", RollupColumns.Resolution(resolution));
            command.Parameters.AddWithValue("$before", SqliteTimestamp.Format(before));
            return command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Wrap("telemetry store", Path, $"pruning {RollupColumns.Resolution(resolution)} roll-ups", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file; later calls throw <see cref="ObjectDisposedException"/>.</summary>
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
            _writer?.Dispose();
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Check(TelemetryRollup rollup, int index)
    {
        ArgumentNullException.ThrowIfNull(rollup, $"rollups[{index}]");
        if (string.IsNullOrWhiteSpace(rollup.LinkId) || rollup.Origin is null
            || rollup.Samples < 0 || rollup.Sent < 0 || rollup.Lost < 0 || rollup.Lost > rollup.Sent
            || rollup.RttSamples < 0 || rollup.JitterSamples < 0 || rollup.AvailableSamples < 0)
        {
            throw new ArgumentException(
                $"roll-up {index} (link '{rollup.LinkId}', {rollup.Resolution} {rollup.BucketStart:O}) has an empty link id or origin, or counts that are negative or lose more than sent",
                nameof(rollup));
        }
    }

    private static bool LooksLikeConnectionString(string value) =>
        value.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("DataSource=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("Filename=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes the gate and opens the file on first use; the caller releases the gate.</summary>
    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null)
            {
                Open();
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private void Open()
    {
        string? directory = System.IO.Path.GetDirectoryName(Path);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteSchema.Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}");
            string? journal = Scalar(connection, "PRAGMA journal_mode = WAL"); // the first statement that reads the header
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new PersistenceException($"telemetry store '{Path}' cannot use write-ahead logging (journal mode stays '{journal}'): put it on a local file system");
            }

            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL");
            TelemetrySchema.Migrate(connection, Path);
            _writer = new RollupRowWriter(connection);
            _connection = connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteErrors.Wrap("telemetry store", Path, "opening", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
