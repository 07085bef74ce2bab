using Microsoft.Data.Sqlite;

namespace NetControl.Persistence.Sqlite;

/// <summary>
/// The store's tables, as numbered migrations. A file records each migration applied in <c>schema_version</c>;
/// opening applies the missing ones in one transaction and refuses a file whose version is newer than
/// <see cref="CurrentVersion"/> (written by a newer NetControl), rather than guess at its meaning.
/// Migrations are append-only: never edit one that has shipped, add the next.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: lightpaths (the document is the truth), transition audit, port and reservation side tables.
        """
        CREATE TABLE lightpaths (
            id           TEXT    NOT NULL PRIMARY KEY,
            owner        TEXT    NOT NULL,
            state        TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            created_at   TEXT    NOT NULL,
            window_start TEXT    NOT NULL,
            window_end   TEXT,
            updated_at   TEXT    NOT NULL,
            document     TEXT    NOT NULL
        );
        CREATE INDEX lightpaths_by_state ON lightpaths (state);
        CREATE TABLE transitions (
            lightpath_id TEXT    NOT NULL REFERENCES lightpaths (id) ON DELETE CASCADE,
            seq          INTEGER NOT NULL,
            from_state   TEXT    NOT NULL,
            to_state     TEXT    NOT NULL,
            "trigger"    TEXT    NOT NULL,
            at           TEXT    NOT NULL,
            cause        TEXT    NOT NULL,
            PRIMARY KEY (lightpath_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE port_allocations (
            lightpath_id TEXT NOT NULL REFERENCES lightpaths (id) ON DELETE CASCADE,
            node         TEXT NOT NULL,
            port         TEXT NOT NULL,
            leg          TEXT NOT NULL CHECK (leg IN ('working', 'protection', 'home')),
            window_start TEXT NOT NULL,
            window_end   TEXT
        );
        CREATE INDEX port_allocations_by_port ON port_allocations (node, port);
        CREATE INDEX port_allocations_by_lightpath ON port_allocations (lightpath_id);
        CREATE TABLE reservations (
            lightpath_id  TEXT NOT NULL PRIMARY KEY REFERENCES lightpaths (id) ON DELETE CASCADE,
            window_start  TEXT NOT NULL,
            window_end    TEXT,
            bandwidth_bps REAL
        );
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
                $"lightpath store '{path}' has schema version {version}, newer than the {CurrentVersion} this NetControl reads: upgrade NetControl or open a copy made by this version");
        }

        if (version == 0)
        {
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", transaction);
        }

        for (int next = version + 1; next <= CurrentVersion; next++)
        {
            Execute(connection, Migrations[next - 1], transaction);
            Execute(connection, $"INSERT INTO schema_version (version, applied_at) VALUES ({next}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", transaction);
        }

        transaction.Commit();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                throw new PersistenceException($"lightpath store '{path}' is a SQLite database but not a NetControl store (it has tables but no schema_version)");
            }

            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement (or a script) on <paramref name="connection"/>, inside <paramref name="transaction"/> when given.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
