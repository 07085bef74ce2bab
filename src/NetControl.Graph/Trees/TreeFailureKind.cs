namespace NetControl.Graph.Trees;

/// <summary>Why no tree was returned.</summary>
public enum TreeFailureKind
{
    /// <summary>The graph is not connected: no spanning tree exists at all (exact).</summary>
    Disconnected,

    /// <summary>No spanning tree can meet the constraints, proven by a simple counting argument (exact).</summary>
    Infeasible,

    /// <summary>
    /// The heuristic found no tree meeting the constraints. One may still exist: degree- and diameter-constrained
    /// spanning trees are NP-hard to find in general.
    /// </summary>
    NotFound,
}
