namespace NetControl.Simulators.Network.Impairments;

/// <summary>Whether jitter may reorder datagrams of one direction.</summary>
public enum JitterOrder
{
    /// <summary>
    /// FIFO: a datagram is never released before the one that arrived before it; its release time is
    /// max(own time, previous release time). Jitter then shows as delay variation without reordering, and the
    /// applied extra delay includes the time held behind an earlier datagram.
    /// </summary>
    PreserveOrder,

    /// <summary>Each datagram is released at arrival + base delay + its own jitter draw, so a later one may overtake.</summary>
    AllowReorder,
}
