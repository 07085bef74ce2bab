namespace NetControl.Formats.GraphMl;

/// <summary>The one <c>&lt;graph&gt;</c> of a GraphML file as read: its data, nodes and edges in file order.</summary>
internal sealed class GraphMlGraph
{
    public bool Directed { get; set; }

    public Dictionary<string, string> Data { get; } = new(StringComparer.Ordinal);

    public List<GraphMlElement> Nodes { get; } = [];

    public List<GraphMlElement> Edges { get; } = [];
}
