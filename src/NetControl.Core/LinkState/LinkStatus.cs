namespace NetControl.Core.LinkState;

/// <summary>A link's condition, why it is so, and since when.</summary>
public sealed record LinkStatus(LinkCondition Condition, string Cause, DateTimeOffset Since)
{
    /// <summary>The status of a link nobody has reported on: up since the topology was loaded.</summary>
    public static LinkStatus Initial { get; } = new(LinkCondition.Up, "initial", DateTimeOffset.UnixEpoch);

    public bool IsUsable => Condition != LinkCondition.Down;
}
