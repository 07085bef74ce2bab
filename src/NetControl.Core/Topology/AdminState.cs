namespace NetControl.Core.Topology;

/// <summary>Administrative state set by an operator, independent of what the network reports.</summary>
public enum AdminState
{
    Up,
    Down,
}
