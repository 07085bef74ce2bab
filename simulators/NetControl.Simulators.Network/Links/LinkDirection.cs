namespace NetControl.Simulators.Network.Links;

/// <summary>One direction of an emulated link.</summary>
public enum LinkDirection
{
    /// <summary>Client (A side) to target.</summary>
    Forward,

    /// <summary>Target back to client.</summary>
    Reverse,
}
