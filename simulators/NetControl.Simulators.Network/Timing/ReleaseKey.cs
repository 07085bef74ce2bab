namespace NetControl.Simulators.Network.Timing;

/// <summary>Priority of a pending datagram: due tick, then arrival sequence, so equal due times leave in arrival order.</summary>
internal readonly record struct ReleaseKey(long DueTick, long Sequence) : IComparable<ReleaseKey>
{
    public int CompareTo(ReleaseKey other)
    {
        var byTime = DueTick.CompareTo(other.DueTick);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }
}
