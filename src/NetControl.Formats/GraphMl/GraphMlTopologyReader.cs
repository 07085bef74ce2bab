using System.Text.RegularExpressions;
using System.Xml;
using NetControl.Core.Topology;

namespace NetControl.Formats.GraphMl;

/// <summary>
/// Reads Internet Topology Zoo GraphML (and plain GraphML of the same shape) into a topology of sites and
/// undirected links; parallel edges stay separate links. See <c>topology/README.md</c> for the mapping.
/// </summary>
internal static partial class GraphMlTopologyReader
{
    public static NetworkTopology Read(TextReader text, string? file) => Read(XmlReader.Create(text, Settings()), file);

    public static NetworkTopology Read(Stream stream, string? file) => Read(XmlReader.Create(stream, Settings()), file);

    private static NetworkTopology Read(XmlReader xml, string? file)
    {
        string fallbackName = Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem ? stem : "graphml";
        var builder = new TopologyBuilder(fallbackName)
        {
            SourceFile = file,
            SourceFormat = TopologyFormat.GraphMl.ToName(),
            Attribution = DataAttribution.TopologyZoo,
        };

        GraphMlGraph? graph;
        using (xml)
        {
            try
            {
                graph = new GraphMlParser(xml, file, builder).Parse();
            }
            catch (XmlException e)
            {
                throw SourceOrder.Exception(Where(e, file), "XML error: " + Describe(e));
            }
        }

        if (graph is not null)
        {
            AddGraph(graph, builder);
        }

        return SourceOrder.Build(builder);
    }

    private static void AddGraph(GraphMlGraph graph, TopologyBuilder builder)
    {
        builder.Name = First(graph, "label", ZooNames.Network) ?? builder.Name;
        string[] about = [.. new[] { ZooNames.Network, ZooNames.GeoLocation, ZooNames.NetworkDate }.Select(k => First(graph, k)).OfType<string>()];
        builder.Description = about.Length > 0 ? string.Join(", ", about) : null;

        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var element in graph.Nodes)
        {
            if (string.IsNullOrEmpty(element.Id))
            {
                builder.Error(element.At, "<node> has no 'id' attribute");
                continue;
            }

            var node = ZooNodeMapper.Map(element);
            nodes.TryAdd(node.Id, node);
            builder.AddNode(node, element.At);
        }

        var edges = graph.Edges.Where(e => HasEnds(e, builder)).ToList();
        var ids = EdgeIds.Assign(edges);
        for (int i = 0; i < edges.Count; i++)
        {
            if (ZooLinkMapper.Map(edges[i], ids[i], nodes, builder) is { } link)
            {
                builder.AddLink(link, edges[i].At);
            }
        }
    }

    private static bool HasEnds(GraphMlElement edge, TopologyBuilder builder)
    {
        foreach (var (name, value) in new[] { ("source", edge.Source), ("target", edge.Target) })
        {
            if (string.IsNullOrEmpty(value))
            {
                builder.Error(edge.At, $"<edge> has no '{name}' attribute");
                return false;
            }
        }

        return true;
    }

    private static string? First(GraphMlGraph graph, params string[] names) =>
        names.Select(n => graph.Data.GetValueOrDefault(n)?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
        MaxCharactersInDocument = InputLimits.MaxTopologyBytes,
    };

    /// <summary>Where the exception says it happened; a refused DTD carries no position, and there is only one DOCTYPE.</summary>
    private static SourceLocation Where(XmlException e, string? file) =>
        e.LineNumber > 0 ? SourceLocation.InFile(file, e.LineNumber, e.LinePosition) : new SourceLocation(file);

    /// <summary>The message without its "Line 3, position 7." (the location says so) or advice meant for programmers.</summary>
    private static string Describe(XmlException e) =>
        e.Message.Contains("DTD is prohibited", StringComparison.Ordinal)
            ? "a DTD (<!DOCTYPE ...>) is not accepted in topology files"
            : PositionSuffix().Replace(e.Message, string.Empty).Trim();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();
}
