namespace NetControl.Core.Telemetry;

/// <summary>Durable roll-ups of link telemetry.</summary>
public interface ITelemetryRollupStore
{
    /// <summary>
    /// Writes roll-ups in one transaction. Idempotent: writing the same roll-up again (same link, resolution, bucket and
    /// <see cref="TelemetryRollup.Origin"/>) replaces it rather than counting it twice.
    /// </summary>
    Task WriteAsync(IReadOnlyList<TelemetryRollup> rollups, CancellationToken ct);

    /// <summary>
    /// The link's roll-ups at <paramref name="resolution"/> whose bucket starts in [<paramref name="from"/>,
    /// <paramref name="to"/>), oldest first, one per bucket (parts from several origins merged).
    /// </summary>
    Task<IReadOnlyList<TelemetryRollup>> ReadAsync(string linkId, RollupResolution resolution, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
