namespace NetControl.Core.Telemetry;

/// <summary>Why a <see cref="LinkSample"/> was not accepted. <see cref="None"/> means it was.</summary>
public enum SampleRejection
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The link id is null, empty or white space.</summary>
    EmptyLinkId,

    /// <summary>The source (agent id) is null, empty or white space.</summary>
    EmptySource,

    /// <summary>The interval is zero or negative.</summary>
    InvalidInterval,

    /// <summary>Sent or lost is negative.</summary>
    NegativeCount,

    /// <summary>More packets lost than sent.</summary>
    LostExceedsSent,

    /// <summary>The loss ratio is NaN or outside [0, 1].</summary>
    LossOutOfRange,

    /// <summary>The RTT median is NaN, infinite or negative.</summary>
    InvalidRtt,

    /// <summary>The jitter is NaN, infinite or negative.</summary>
    InvalidJitter,

    /// <summary>An available-bandwidth bound is NaN, infinite or negative, or low exceeds high.</summary>
    InvalidBandwidth,

    /// <summary>The interval ends further in the future than the allowed clock skew.</summary>
    FromFuture,

    /// <summary>The same source already reported this interval or a later one for the link (an MQTT redelivery, a reordered message).</summary>
    Stale,

    /// <summary>The sample names a new link while <see cref="LinkTelemetryOptions.MaxLinks"/> links are already tracked.</summary>
    TooManyLinks,

    /// <summary>An aggregator already emitted the bucket the sample falls in (used by <see cref="RollupAggregator"/> only).</summary>
    Late,
}
