using NetControl.Graph.Trees;

namespace NetControl.Orchestration.Overlay;

/// <summary>How the reflector overlay builds and switches its tree.</summary>
public sealed record ReflectorOverlayOptions
{
    /// <summary>Limits on every installed tree: by default at most 4 overlay links per reflector (EVO reflectors served a few peers each).</summary>
    public TreeConstraints Constraints { get; init; } = new() { MaxDegree = 4 };

    /// <summary>When to move to a cheaper tree (default: the candidate costs under 0.8x the installed tree); a tree that lost a link is replaced at once.</summary>
    public TreeHysteresis Hysteresis { get; init; } = TreeHysteresis.Default;

    public OverlayCost Cost { get; init; } = OverlayCost.MonAlisa;

    /// <summary>How many recent tree moves <see cref="ReflectorOverlay.RecentChanges"/> keeps. Default 100.</summary>
    public int ChangeHistory { get; init; } = 100;
}
