using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Persistence;

/// <summary>
/// Durable lightpath state: circuits with their routes and pending removals, reservation windows, port
/// allocations and every transition. The lightpath service writes intent here before it acts on devices, so that
/// after a crash <see cref="LoadAsync"/> tells it what may be on the switches.
/// </summary>
public interface ILightpathStore : IAsyncDisposable
{
    /// <summary>Every stored lightpath (released ones included until pruned), each at its latest saved version.</summary>
    Task<IReadOnlyList<LightpathRecord>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="record"/> atomically (the record, its transitions not yet stored, its port allocations and
    /// reservation window). A record whose <see cref="LightpathRecord.Version"/> is not above the stored one is ignored
    /// (saves may race; the newest wins). Returns once the write is durable.
    /// </summary>
    Task SaveAsync(LightpathRecord record, CancellationToken cancellationToken = default);

    /// <summary>Deletes released lightpaths whose release completed before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneReleasedAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
