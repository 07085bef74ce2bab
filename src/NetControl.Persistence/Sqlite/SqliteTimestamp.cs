using System.Globalization;

namespace NetControl.Persistence.Sqlite;

/// <summary>
/// Timestamps in the side tables: UTC, fixed width, to the tick ("2026-11-23T12:00:00.0000000Z"), so that text order is
/// time order and operators can compare them in SQL.
/// </summary>
internal static class SqliteTimestamp
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static object FormatOrNull(DateTimeOffset? value) => value is { } v ? Format(v) : DBNull.Value;
}
