namespace NetControl.Messaging.StoreAndForward;

/// <summary>Where and how much the agent keeps while the broker is unreachable.</summary>
public sealed record StoreAndForwardOptions
{
    /// <summary>Directory of the journal (created if missing); one publisher per directory.</summary>
    public required string Directory { get; init; }

    /// <summary>Bound on summaries kept; past it the oldest is dropped, counted and logged.</summary>
    public int MaxPendingSummaries { get; init; } = 100_000;

    /// <summary>fsync after every append (survives power loss); false flushes to the OS only (survives a process crash).</summary>
    public bool FsyncEachAppend { get; init; } = true;

    /// <summary>Rewrite the journal once this many records were acknowledged or dropped (and at least as many as remain).</summary>
    public int CompactAfterRemovals { get; init; } = 4096;
}
