using System.Globalization;
using Microsoft.Data.Sqlite;
using NetControl.Persistence.Sqlite;

namespace NetControl.Persistence.Telemetry;

/// <summary>
/// The telemetry store's tables as numbered, append-only migrations, recorded in <c>telemetry_schema_version</c>
/// (its own table, so a telemetry file is never mistaken for a lightpath store or the reverse). Opening applies the
/// missing migrations in one transaction and refuses a newer version or another application's database.
/// </summary>
internal static class TelemetrySchema
{
    private static readonly string[] Migrations =
    [
        // 1: one row per (link, resolution, bucket, origin); reads merge origins.
        """
        CREATE TABLE telemetry_rollups (
            link_id           TEXT    NOT NULL,
            resolution        TEXT    NOT NULL CHECK (resolution IN ('minute', 'hour')),
            bucket_start      TEXT    NOT NULL,
            origin            TEXT    NOT NULL,
            samples           INTEGER NOT NULL,
            sent              INTEGER NOT NULL,
            lost              INTEGER NOT NULL,
            rtt_min_ms        REAL,
            rtt_avg_ms        REAL,
            rtt_max_ms        REAL,
            rtt_samples       INTEGER NOT NULL,
            jitter_avg_ms     REAL,
            jitter_samples    INTEGER NOT NULL,
            available_mbps    REAL,
            available_samples INTEGER NOT NULL,
            written_at        TEXT    NOT NULL,
            PRIMARY KEY (link_id, resolution, bucket_start, origin)
        ) WITHOUT ROWID;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the file to <see cref="CurrentVersion"/>; throws <see cref="PersistenceException"/> for a foreign or newer file.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        int version = ReadVersion(connection, transaction, path);
        if (version > CurrentVersion)
        {
            throw new PersistenceException(
                $"telemetry store '{path}' has schema version {version}, newer than the {CurrentVersion} this NetControl reads: upgrade NetControl or use another file");
        }

        if (version == 0)
        {
            SqliteSchema.Execute(connection, "CREATE TABLE telemetry_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", transaction);
        }

        for (int next = version + 1; next <= CurrentVersion; next++)
        {
            SqliteSchema.Execute(connection, Migrations[next - 1], transaction);
            SqliteSchema.Execute(
                connection,
                $"INSERT INTO telemetry_schema_version (version, applied_at) VALUES ({next}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                transaction);
        }

        transaction.Commit();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'telemetry_schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
            {
                throw new PersistenceException(
                    $"telemetry store '{path}' is a SQLite database but not a NetControl telemetry store (it has tables but no telemetry_schema_version)");
            }

            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM telemetry_schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
