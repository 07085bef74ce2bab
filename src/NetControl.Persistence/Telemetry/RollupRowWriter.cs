using Microsoft.Data.Sqlite;
using NetControl.Core.Telemetry;
using NetControl.Persistence.Sqlite;

namespace NetControl.Persistence.Telemetry;

/// <summary>
/// Upserts roll-up rows keyed by (link, resolution, bucket, origin) with one prepared statement, a batch per
/// transaction. The incoming row replaces a stored row with the same key: a retried write is a no-op in effect.
/// Not thread-safe (the store serialises calls).
/// </summary>
internal sealed class RollupRowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;

    public RollupRowWriter(SqliteConnection connection)
    {
        _connection = connection;
        _upsert = connection.CreateCommand();
        _upsert.CommandText =
            """
            INSERT INTO telemetry_rollups (link_id, resolution, bucket_start, origin, samples, sent, lost,
                rtt_min_ms, rtt_avg_ms, rtt_max_ms, rtt_samples, jitter_avg_ms, jitter_samples,
                available_mbps, available_samples, written_at)
            VALUES ($link, $resolution, $bucket, $origin, $samples, $sent, $lost,
                $rtt_min, $rtt_avg, $rtt_max, $rtt_samples, $jitter_avg, $jitter_samples,
                $available, $available_samples, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            ON CONFLICT (link_id, resolution, bucket_start, origin) DO UPDATE SET
                samples = excluded.samples, sent = excluded.sent, lost = excluded.lost,
                rtt_min_ms = excluded.rtt_min_ms, rtt_avg_ms = excluded.rtt_avg_ms, rtt_max_ms = excluded.rtt_max_ms,
                rtt_samples = excluded.rtt_samples, jitter_avg_ms = excluded.jitter_avg_ms,
                jitter_samples = excluded.jitter_samples, available_mbps = excluded.available_mbps,
                available_samples = excluded.available_samples, written_at = excluded.written_at
            """;
        foreach (string name in (ReadOnlySpan<string>)[
            "$link", "$resolution", "$bucket", "$origin", "$samples", "$sent", "$lost", "$rtt_min", "$rtt_avg", "$rtt_max",
            "$rtt_samples", "$jitter_avg", "$jitter_samples", "$available", "$available_samples"])
        {
            _upsert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    public void Write(IReadOnlyList<TelemetryRollup> rollups, CancellationToken cancellationToken)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _upsert.Transaction = transaction;
        var p = _upsert.Parameters;
        for (int i = 0; i < rollups.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested(); // disposing the transaction rolls the batch back
            TelemetryRollup r = rollups[i];
            p["$link"].Value = r.LinkId;
            p["$resolution"].Value = RollupColumns.Resolution(r.Resolution);
            p["$bucket"].Value = SqliteTimestamp.Format(r.BucketStart);
            p["$origin"].Value = r.Origin;
            p["$samples"].Value = r.Samples;
            p["$sent"].Value = r.Sent;
            p["$lost"].Value = r.Lost;
            p["$rtt_min"].Value = OrNull(r.RttMinMs);
            p["$rtt_avg"].Value = OrNull(r.RttAvgMs);
            p["$rtt_max"].Value = OrNull(r.RttMaxMs);
            p["$rtt_samples"].Value = Weight(r.RttSamples, r.RttAvgMs, r.Samples);
            p["$jitter_avg"].Value = OrNull(r.JitterAvgMs);
            p["$jitter_samples"].Value = Weight(r.JitterSamples, r.JitterAvgMs, r.Samples);
            p["$available"].Value = OrNull(r.AvailableMbpsAvg);
            p["$available_samples"].Value = Weight(r.AvailableSamples, r.AvailableMbpsAvg, r.Samples);
            _upsert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose() => _upsert.Dispose();

    private static object OrNull(double? value) => value is { } v ? v : DBNull.Value;

    /// <summary>The weight of an average when merging: its own count, else every sample when the caller left it unset.</summary>
    private static long Weight(long count, double? average, long samples) => average is null ? 0 : count > 0 ? count : samples;
}
