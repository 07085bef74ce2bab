namespace NetControl.Graph.Trees;

/// <summary>Which outside node a centre-based growth attaches next, and to which parent.</summary>
internal enum GrowthStrategy
{
    /// <summary>Prim: the cheapest feasible edge into the tree. Cheapest trees; can strand nodes at full depth.</summary>
    CheapestEdge,

    /// <summary>Breadth-first: the shallowest feasible parent, then the cheapest edge. Finds hop-feasible trees.</summary>
    Layered,

    /// <summary>
    /// Insertion: nodes in order of graph distance from the centre, each under its cheapest feasible parent. No
    /// look-ahead, O(n^2); inner nodes end up near the centre, which leaves depth for the improvement to use.
    /// </summary>
    Insertion,

    /// <summary>
    /// Most constrained first: the outside node with the fewest feasible parents, under its cheapest one.
    /// O(n^3); finds feasible trees on sparse graphs where the others strand a node. Small graphs only.
    /// </summary>
    FewestParents,

    /// <summary>Dijkstra: the smallest weight distance from the centre, then the cheapest edge. Finds latency-feasible trees.</summary>
    ShortestPath,
}
