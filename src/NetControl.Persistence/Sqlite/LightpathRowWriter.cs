using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using NetControl.Core.Lightpaths;
using NetControl.Core.Topology;
using NetControl.Orchestration.Lightpaths;
using NetControl.Persistence.Documents;

namespace NetControl.Persistence.Sqlite;

/// <summary>
/// Writes one lightpath in one transaction: its row (only when its version is newer), the transitions not yet stored,
/// and its port allocations and reservation (replaced; none once Released). Holds prepared statements for the
/// store's connection; not thread-safe (the store serialises calls).
/// </summary>
internal sealed class LightpathRowWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _countTransitions;
    private readonly SqliteCommand _trimTransitions;
    private readonly SqliteCommand _insertTransition;
    private readonly SqliteCommand _deletePorts;
    private readonly SqliteCommand _insertPort;
    private readonly SqliteCommand _deleteReservation;
    private readonly SqliteCommand _insertReservation;
    private readonly SqliteCommand[] _all;

    public LightpathRowWriter(SqliteConnection connection)
    {
        _connection = connection;
        _upsert = Create(
            """
            INSERT INTO lightpaths (id, owner, state, version, created_at, window_start, window_end, updated_at, document)
            VALUES ($id, $owner, $state, $version, $created_at, $window_start, $window_end, $updated_at, $document)
            ON CONFLICT (id) DO UPDATE SET
                owner = excluded.owner, state = excluded.state, version = excluded.version, created_at = excluded.created_at,
                window_start = excluded.window_start, window_end = excluded.window_end, updated_at = excluded.updated_at,
                document = excluded.document
            WHERE excluded.version > lightpaths.version
            """,
            "$id", "$owner", "$state", "$version", "$created_at", "$window_start", "$window_end", "$updated_at", "$document");
        _countTransitions = Create("SELECT count(*) FROM transitions WHERE lightpath_id = $id", "$id");
        _trimTransitions = Create("DELETE FROM transitions WHERE lightpath_id = $id AND seq >= $count", "$id", "$count");
        _insertTransition = Create(
            """
            INSERT INTO transitions (lightpath_id, seq, from_state, to_state, "trigger", at, cause)
            VALUES ($id, $seq, $from, $to, $trigger, $at, $cause)
            """,
            "$id", "$seq", "$from", "$to", "$trigger", "$at", "$cause");
        _deletePorts = Create("DELETE FROM port_allocations WHERE lightpath_id = $id", "$id");
        _insertPort = Create(
            """
            INSERT INTO port_allocations (lightpath_id, node, port, leg, window_start, window_end)
            VALUES ($id, $node, $port, $leg, $window_start, $window_end)
            """,
            "$id", "$node", "$port", "$leg", "$window_start", "$window_end");
        _deleteReservation = Create("DELETE FROM reservations WHERE lightpath_id = $id", "$id");
        _insertReservation = Create(
            "INSERT INTO reservations (lightpath_id, window_start, window_end, bandwidth_bps) VALUES ($id, $window_start, $window_end, $bandwidth_bps)",
            "$id", "$window_start", "$window_end", "$bandwidth_bps");
        _all = [_upsert, _countTransitions, _trimTransitions, _insertTransition, _deletePorts, _insertPort, _deleteReservation, _insertReservation];
    }

    /// <summary>Saves <paramref name="record"/>; false when the stored version is the same or newer (nothing written).</summary>
    public bool Save(LightpathRecord record)
    {
        string document = LightpathDocument.Serialize(record);
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        var p = _upsert.Parameters;
        p["$id"].Value = record.Id;
        p["$owner"].Value = record.Owner;
        p["$state"].Value = record.State.ToString();
        p["$version"].Value = record.Version;
        p["$created_at"].Value = SqliteTimestamp.Format(record.CreatedAt);
        p["$window_start"].Value = SqliteTimestamp.Format(record.WindowStart);
        p["$window_end"].Value = SqliteTimestamp.FormatOrNull(record.WindowEnd);
        p["$updated_at"].Value = SqliteTimestamp.Format(record.History.IsEmpty ? record.CreatedAt : record.History[^1].At);
        p["$document"].Value = document;
        if (_upsert.ExecuteNonQuery() == 0)
        {
            return false; // disposing the transaction rolls back (nothing was written)
        }

        WriteTransitions(record);
        WritePorts(record);
        WriteReservation(record);
        transaction.Commit();
        return true;
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private void WriteTransitions(LightpathRecord record)
    {
        _countTransitions.Parameters["$id"].Value = record.Id;
        int stored = Convert.ToInt32(_countTransitions.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (stored > record.History.Count)
        {
            // A newer version with a shorter history should not happen; keep the audit table equal to the document.
            _trimTransitions.Parameters["$id"].Value = record.Id;
            _trimTransitions.Parameters["$count"].Value = record.History.Count;
            _trimTransitions.ExecuteNonQuery();
            stored = record.History.Count;
        }

        var p = _insertTransition.Parameters;
        p["$id"].Value = record.Id;
        for (int seq = stored; seq < record.History.Count; seq++)
        {
            LightpathTransition t = record.History[seq];
            p["$seq"].Value = seq;
            p["$from"].Value = t.From.ToString();
            p["$to"].Value = t.To.ToString();
            p["$trigger"].Value = t.Trigger.ToString();
            p["$at"].Value = SqliteTimestamp.Format(t.At);
            p["$cause"].Value = t.Cause;
            _insertTransition.ExecuteNonQuery();
        }
    }

    private void WritePorts(LightpathRecord record)
    {
        _deletePorts.Parameters["$id"].Value = record.Id;
        _deletePorts.ExecuteNonQuery();
        if (record.State == LightpathState.Released)
        {
            return;
        }

        var p = _insertPort.Parameters;
        p["$id"].Value = record.Id;
        p["$window_start"].Value = SqliteTimestamp.Format(record.WindowStart);
        p["$window_end"].Value = SqliteTimestamp.FormatOrNull(record.WindowEnd);
        WriteLeg(record.Working, "working");
        WriteLeg(record.ProtectionLeg, "protection");
        WriteLeg(record.Home, "home");

        void WriteLeg(CircuitRoute? route, string leg)
        {
            if (route is null)
            {
                return;
            }

            p["$leg"].Value = leg;
            foreach (PortRef port in route.Ports.IsDefault ? ImmutableArray<PortRef>.Empty : route.Ports)
            {
                p["$node"].Value = port.Node;
                p["$port"].Value = port.Port;
                _insertPort.ExecuteNonQuery();
            }
        }
    }

    private void WriteReservation(LightpathRecord record)
    {
        _deleteReservation.Parameters["$id"].Value = record.Id;
        _deleteReservation.ExecuteNonQuery();
        if (record.State == LightpathState.Released)
        {
            return;
        }

        var p = _insertReservation.Parameters;
        p["$id"].Value = record.Id;
        p["$window_start"].Value = SqliteTimestamp.Format(record.WindowStart);
        p["$window_end"].Value = SqliteTimestamp.FormatOrNull(record.WindowEnd);
        p["$bandwidth_bps"].Value = record.Request.Bandwidth is { } rate ? rate.BitsPerSecond : DBNull.Value;
        _insertReservation.ExecuteNonQuery();
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
