namespace NetControl.Graph.Trees;

/// <summary>What an <see cref="OverlayTreeMaintainer"/> did with the installed tree.</summary>
public enum OverlayAction
{
    /// <summary>The installed tree stays.</summary>
    Kept,

    /// <summary>The candidate tree was installed.</summary>
    Switched,
}
