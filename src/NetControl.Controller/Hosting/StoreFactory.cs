using NetControl.Orchestration.Persistence;
using NetControl.Persistence.Sqlite;

namespace NetControl.Controller.Hosting;

/// <summary>Opens the lightpath store the options ask for: in memory without a database path, SQLite with one.</summary>
internal static class StoreFactory
{
    public static async Task<ILightpathStore> OpenAsync(ControllerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DatabasePath is { } path
            ? await SqliteLightpathStore.OpenAsync(path, cancellationToken).ConfigureAwait(false)
            : new InMemoryLightpathStore();
    }
}
