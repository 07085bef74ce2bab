namespace NetControl.Core.LinkState;

/// <summary>Operational condition of a link as the network reports it.</summary>
public enum LinkCondition
{
    /// <summary>Carrying traffic normally.</summary>
    Up,

    /// <summary>Usable but impaired (loss, jitter or low power above a threshold).</summary>
    Degraded,

    /// <summary>Not usable (loss of light, fibre cut, sustained loss).</summary>
    Down,
}
