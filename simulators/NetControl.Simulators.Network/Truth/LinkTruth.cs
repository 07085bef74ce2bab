namespace NetControl.Simulators.Network.Truth;

/// <summary>An immutable snapshot of both directions of an emulated link.</summary>
public sealed record LinkTruth(string LinkId, bool IsCut, DirectionTruth Forward, DirectionTruth Reverse)
{
    /// <summary>Configured base round trip (forward + reverse base delay).</summary>
    public TimeSpan BaseRoundTrip => Forward.BaseDelay + Reverse.BaseDelay;

    /// <summary>Median applied forward delay plus median applied reverse delay.</summary>
    public TimeSpan MedianAppliedRoundTrip => Forward.AppliedDelay.Median + Reverse.AppliedDelay.Median;
}
