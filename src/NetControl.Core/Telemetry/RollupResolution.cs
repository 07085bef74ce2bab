namespace NetControl.Core.Telemetry;

/// <summary>Length of a roll-up bucket. Buckets are aligned in UTC: minutes at :00 seconds, hours at :00 minutes.</summary>
public enum RollupResolution
{
    /// <summary>One minute.</summary>
    Minute,

    /// <summary>One hour.</summary>
    Hour,
}
