using System.Collections.Immutable;

namespace NetControl.Graph.Trees;

/// <summary>
/// The effect of one <see cref="DynamicSpanningTree"/> update: the edges that left and joined the tree (with the
/// weights they had when they left or joined), the cost before and after (+infinity when there was no spanning
/// tree meeting the constraints), and whether there is one now.
/// </summary>
public sealed record TreeChange(
    TreeChangeKind Kind,
    ImmutableArray<WeightedEdge> Removed,
    ImmutableArray<WeightedEdge> Added,
    double CostBefore,
    double CostAfter,
    bool HasTree)
{
    /// <summary>True when the tree's edge set changed.</summary>
    public bool EdgesChanged => !Removed.IsEmpty || !Added.IsEmpty;
}
