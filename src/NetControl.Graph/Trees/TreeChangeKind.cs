namespace NetControl.Graph.Trees;

/// <summary>What one update did to a <see cref="DynamicSpanningTree"/>.</summary>
public enum TreeChangeKind
{
    /// <summary>Same edges, same cost (a non-tree link changed and no swap helps).</summary>
    Unchanged,

    /// <summary>Same edges; a tree edge's weight, and so the cost, changed.</summary>
    Reweighted,

    /// <summary>One tree edge was replaced by another.</summary>
    Swapped,

    /// <summary>A tree edge went away and nothing could reconnect the two parts: the graph is now disconnected (unconstrained trees).</summary>
    Split,

    /// <summary>A link that came back joined two parts of a disconnected forest (unconstrained trees).</summary>
    Joined,

    /// <summary>The tree was recomputed from scratch (on request, or when no local move kept a constrained tree feasible).</summary>
    Recomputed,
}
