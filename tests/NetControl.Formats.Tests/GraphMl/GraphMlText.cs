namespace NetControl.Formats.Tests.GraphMl;

/// <summary>Builds small GraphML documents for tests, one element a line so line numbers are easy to state.</summary>
internal static class GraphMlText
{
    /// <summary>The keys a Topology Zoo file declares that the tests use (line 2 to 9).</summary>
    public const string ZooKeys = """
        <key attr.name="label" attr.type="string" for="node" id="d0" />
        <key attr.name="Latitude" attr.type="double" for="node" id="d1" />
        <key attr.name="Longitude" attr.type="double" for="node" id="d2" />
        <key attr.name="Internal" attr.type="int" for="node" id="d3" />
        <key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d4" />
        <key attr.name="LinkLabel" attr.type="string" for="edge" id="d5" />
        <key attr.name="Network" attr.type="string" for="graph" id="d6" />
        <key attr.name="label" attr.type="string" for="graph" id="d7" />
        """;

    /// <summary>
    /// A document: line 1 the root, lines 2-9 <see cref="ZooKeys"/> (or <paramref name="keys"/>), then the graph
    /// element, then <paramref name="body"/> from line 11 (with the default keys), then the closing tags.
    /// </summary>
    public static string Document(string body, string keys = ZooKeys, string graphAttributes = "edgedefault=\"undirected\"") =>
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" +
        keys.TrimEnd() + "\n" +
        $"<graph {graphAttributes}>\n" +
        body.TrimEnd() + "\n" +
        "</graph>\n" +
        "</graphml>\n";

    /// <summary>A located node on one line.</summary>
    public static string Node(string id, double? lat = null, double? lon = null, string? label = null)
    {
        string data = (label is null ? string.Empty : $"<data key=\"d0\">{label}</data>") +
                      (lat is null ? string.Empty : FormattableString.Invariant($"<data key=\"d1\">{lat}</data>")) +
                      (lon is null ? string.Empty : FormattableString.Invariant($"<data key=\"d2\">{lon}</data>"));
        return $"<node id=\"{id}\">{data}</node>";
    }
}
