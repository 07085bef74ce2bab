using System.Collections.Concurrent;
using NetControl.Core.Lightpaths;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Persistence;

/// <summary>A store that forgets on restart: for tests and for <c>--no-persistence</c>.</summary>
public sealed class InMemoryLightpathStore : ILightpathStore
{
    private readonly ConcurrentDictionary<string, LightpathRecord> _records = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<LightpathRecord>> LoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LightpathRecord>>([.. _records.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)]);

    public Task SaveAsync(LightpathRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.AddOrUpdate(record.Id, record, (_, stored) => record.Version > stored.Version ? record : stored);
        return Task.CompletedTask;
    }

    public Task<int> PruneReleasedAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        int removed = 0;
        foreach (var (id, record) in _records)
        {
            if (record.State == LightpathState.Released && record.History.Count > 0 && record.History[^1].At < before && _records.TryRemove(id, out _))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
