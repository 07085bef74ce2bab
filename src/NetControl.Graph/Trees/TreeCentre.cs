namespace NetControl.Graph.Trees;

/// <summary>
/// Where a centre-based tree grows from: a node A (<see cref="B"/> = -1), or a point on the edge (A, B) at weight
/// <see cref="OffsetA"/> from A and <see cref="OffsetB"/> from B. A node on A's side must stay within
/// <see cref="MaxDepthA"/> hops of A (B's side: <see cref="MaxDepthB"/> of B), and every node within
/// <see cref="Radius"/> weight of the centre point. That bounds the hop diameter by 2 x MaxDepthA for a node
/// centre and MaxDepthA + 1 + MaxDepthB for an edge centre, and the latency diameter by 2 x Radius.
/// </summary>
internal readonly record struct TreeCentre(int A, int B, int MaxDepthA, int MaxDepthB, double Radius, double OffsetA, double OffsetB)
{
    public bool IsEdge => B >= 0;

    /// <summary>Depth limit of a side (0: A's, 1: B's).</summary>
    public int MaxDepth(int side) => side == 0 ? MaxDepthA : MaxDepthB;

    /// <summary>The node centre for the constraints.</summary>
    public static TreeCentre ForNode(int node, TreeConstraints constraints)
    {
        int depth = constraints.MaxHopDiameter is int h ? h / 2 : int.MaxValue;
        return new TreeCentre(node, -1, depth, depth, RadiusFor(constraints), 0, 0);
    }

    /// <summary>
    /// The edge centre (a, b) with its centre point <paramref name="offset"/> from a (clamped to the edge), or null
    /// when the edge alone breaks a limit. Sides get (H-1)/2 hops each; with <paramref name="uneven"/> and an even
    /// hop limit, A's side gets H/2 and B's H/2 - 1 (the latency centre then need not sit on a node).
    /// </summary>
    public static TreeCentre? ForEdge(int a, int b, double weight, double offset, TreeConstraints constraints, bool uneven = false)
    {
        if (!double.IsFinite(weight) || constraints.MaxHopDiameter is < 1 || !constraints.LatencyFits(weight))
        {
            return null;
        }

        int depthA = int.MaxValue;
        int depthB = int.MaxValue;
        if (constraints.MaxHopDiameter is int h)
        {
            depthA = uneven && h % 2 == 0 ? h / 2 : (h - 1) / 2;
            depthB = h - 1 - depthA;
        }

        double radius = RadiusFor(constraints);
        double offsetA = Math.Clamp(offset, 0, weight);
        double offsetB = weight - offsetA;

        // Both centre nodes lie within the radius of the point.
        if (offsetA > radius)
        {
            (offsetA, offsetB) = (radius, weight - radius);
        }
        else if (offsetB > radius)
        {
            (offsetA, offsetB) = (weight - radius, radius);
        }

        return new TreeCentre(a, b, depthA, depthB, radius, offsetA, offsetB);
    }

    private static double RadiusFor(TreeConstraints constraints) =>
        constraints.MaxLatencyDiameterMs is double l ? (l / 2) + (constraints.LatencyTolerance / 4) : double.PositiveInfinity;
}
