namespace NetControl.Graph.Trees;

/// <summary>An undirected edge between node indices <see cref="U"/> and <see cref="V"/>, with a non-negative weight.</summary>
public readonly record struct WeightedEdge(int U, int V, double Weight)
{
    /// <summary>The same edge with <c>U &lt;= V</c>.</summary>
    public WeightedEdge Normalized() => U <= V ? this : new WeightedEdge(V, U, Weight);

    /// <summary>True when this edge joins <paramref name="a"/> and <paramref name="b"/>, in either order.</summary>
    public bool Connects(int a, int b) => (U == a && V == b) || (U == b && V == a);

    public override string ToString() => $"({U},{V}) {Weight:0.###}";
}
