using System.Globalization;
using Microsoft.Data.Sqlite;
using NetControl.Core.Telemetry;
using NetControl.Persistence.Sqlite;

namespace NetControl.Persistence.Telemetry;

/// <summary>
/// Reads one link's buckets in a time range, merging the rows of different origins: counts add, min of minima, max of
/// maxima, averages weighted by their sample counts. A bucket with one origin comes back exactly as written.
/// </summary>
internal static class RollupRowReader
{
    private const string TimestampPattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static IReadOnlyList<TelemetryRollup> Read(
        SqliteConnection connection, string path, string linkId, RollupResolution resolution, DateTimeOffset from, DateTimeOffset to)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT bucket_start,
                   CASE WHEN count(*) = 1 THEN max(origin) ELSE '' END,
                   sum(samples), sum(sent), sum(lost),
                   min(rtt_min_ms), max(rtt_max_ms),
                   CASE WHEN count(*) = 1 THEN max(rtt_avg_ms) ELSE sum(rtt_avg_ms * rtt_samples) / nullif(sum(rtt_samples), 0) END,
                   sum(rtt_samples),
                   CASE WHEN count(*) = 1 THEN max(jitter_avg_ms) ELSE sum(jitter_avg_ms * jitter_samples) / nullif(sum(jitter_samples), 0) END,
                   sum(jitter_samples),
                   CASE WHEN count(*) = 1 THEN max(available_mbps) ELSE sum(available_mbps * available_samples) / nullif(sum(available_samples), 0) END,
                   sum(available_samples)
            FROM telemetry_rollups
            WHERE link_id = $link AND resolution = $resolution AND bucket_start >= $from AND bucket_start < $to
            GROUP BY bucket_start
            ORDER BY bucket_start
            """;
        command.Parameters.AddWithValue("$link", linkId);
        command.Parameters.AddWithValue("$resolution", RollupColumns.Resolution(resolution));
        command.Parameters.AddWithValue("$from", SqliteTimestamp.Format(from));
        command.Parameters.AddWithValue("$to", SqliteTimestamp.Format(to));
        var result = new List<TelemetryRollup>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string bucket = reader.GetString(0);
            if (!DateTimeOffset.TryParseExact(bucket, TimestampPattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset start))
            {
                throw new PersistenceException($"telemetry store '{path}': link '{linkId}' has a bucket_start '{bucket}' that is not a timestamp");
            }

            result.Add(new TelemetryRollup(
                linkId,
                resolution,
                start.ToUniversalTime(),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                Optional(reader, 5),
                Optional(reader, 7),
                Optional(reader, 6),
                Optional(reader, 9),
                Optional(reader, 11))
            {
                Origin = reader.GetString(1),
                RttSamples = reader.GetInt64(8),
                JitterSamples = reader.GetInt64(10),
                AvailableSamples = reader.GetInt64(12),
            });
        }

        return result;
    }

    private static double? Optional(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
