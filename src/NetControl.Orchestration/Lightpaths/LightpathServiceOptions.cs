namespace NetControl.Orchestration.Lightpaths;

/// <summary>Tuning of the lightpath service.</summary>
public sealed record LightpathServiceOptions
{
    /// <summary>How long a repaired home path must stay up before a lightpath with <see cref="RevertPolicy.Revert"/> moves back.</summary>
    public TimeSpan WaitToRestore { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>On start, remove cross-connects on managed switches that no lightpath claims (device truth reconciled with intent).</summary>
    public bool RemoveUnclaimedCrossConnects { get; init; } = true;

    /// <summary>
    /// A restoration that finds no path only because ports are busy tries again this many times before the lightpath
    /// fails: during a mass restoration the old cross-connects of other lightpaths still hold fibres until they are
    /// removed, moments later.
    /// </summary>
    public int RestorationRetries { get; init; } = 5;

    /// <summary>Wait before each such retry (doubling each time).</summary>
    public TimeSpan RestorationRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Delay between retries of a release a device refused.</summary>
    public TimeSpan ReleaseRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Released lightpaths are kept (for history) this long, then pruned from the store (at start).</summary>
    public TimeSpan KeepReleased { get; init; } = TimeSpan.FromDays(7);
}
