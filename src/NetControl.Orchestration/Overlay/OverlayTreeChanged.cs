using System.Collections.Immutable;

namespace NetControl.Orchestration.Overlay;

/// <summary>An event: the overlay moved to another tree; which links left and joined it and what caused the move.</summary>
public sealed record OverlayTreeChanged(
    OverlayTree Previous,
    OverlayTree Current,
    ImmutableArray<OverlayEdge> Added,
    ImmutableArray<OverlayEdge> Removed,
    string Cause);
