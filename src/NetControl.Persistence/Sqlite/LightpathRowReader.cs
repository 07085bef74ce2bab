using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetControl.Orchestration.Lightpaths;
using NetControl.Persistence.Documents;

namespace NetControl.Persistence.Sqlite;

/// <summary>
/// Rebuilds every record from its document, in one read transaction, checking each against its row (id, version)
/// and the transitions table (same number of steps). All or nothing: the first bad row throws.
/// </summary>
internal static class LightpathRowReader
{
    public static IReadOnlyList<LightpathRecord> LoadAll(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT l.id, l.version, l.document,
                   (SELECT count(*) FROM transitions t WHERE t.lightpath_id = l.id)
            FROM lightpaths l
            """;
        var records = new List<LightpathRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                records.Add(Parse(path, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        transaction.Commit();
        records.Sort(static (a, b) =>
        {
            int byTime = a.CreatedAt.CompareTo(b.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });
        return records;
    }

    private static LightpathRecord Parse(string path, string id, long version, string document, int transitions)
    {
        LightpathRecord record;
        try
        {
            record = LightpathDocument.Deserialize(document);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new PersistenceException($"lightpath store '{path}': the document of lightpath '{id}' does not parse: {e.Message}", e);
        }

        if (!string.Equals(record.Id, id, StringComparison.Ordinal) || record.Version != version)
        {
            throw new PersistenceException(
                $"lightpath store '{path}': the row of lightpath '{id}' (version {version}) holds the document of '{record.Id}' version {record.Version}");
        }

        if (record.History.Count != transitions)
        {
            throw new PersistenceException(
                $"lightpath store '{path}': lightpath '{id}' has {record.History.Count} transitions in its document but {transitions} in the transitions table");
        }

        return record;
    }
}
