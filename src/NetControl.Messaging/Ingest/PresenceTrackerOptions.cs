namespace NetControl.Messaging.Ingest;

/// <summary>When a silent agent counts as down, and how often that is checked.</summary>
public sealed record PresenceTrackerOptions
{
    /// <summary>An up agent with nothing received for this long is marked down (probe agents publish every interval).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
