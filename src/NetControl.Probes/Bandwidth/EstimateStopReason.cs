namespace NetControl.Probes.Bandwidth;

/// <summary>Why the rate search stopped.</summary>
public enum EstimateStopReason
{
    /// <summary>The bracket between the highest non-increasing and the lowest increasing rate is narrower than the resolution.</summary>
    Resolution = 1,

    /// <summary>A grey region was found and both gaps between it and the bracket ends are narrower than the grey resolution; the range spans the grey region.</summary>
    GreyRegion = 2,

    /// <summary>Every fleet up to (nearly) the maximum rate was non-increasing: the available bandwidth is at least <c>Low</c>; <c>High</c> is only the search limit.</summary>
    AboveMaximumRate = 3,

    /// <summary>Every fleet down to (nearly) the minimum rate was increasing: the available bandwidth is at most <c>High</c>; <c>Low</c> is only the search limit.</summary>
    BelowMinimumRate = 4,

    /// <summary>Another fleet would have exceeded the probe-byte budget: the range is what was learnt so far.</summary>
    ProbeBudgetExhausted = 5,

    /// <summary>The configured number of fleets ran out before convergence.</summary>
    FleetLimit = 6,

    /// <summary>The sender could not pace streams at the requested rate (host too slow or preempted), so the rate cannot be judged.</summary>
    SenderLimited = 7,
}
