using System.Text;
using System.Xml;
using NetControl.Core.Topology;

namespace NetControl.Formats.GraphMl;

/// <summary>
/// Reads a GraphML document into a <see cref="GraphMlGraph"/> with one forward pass of an <see cref="XmlReader"/>
/// (no recursion, no DTD). Resolves each data key to its attribute name, checks typed values, and reports problems
/// at their line and column through the builder; malformed XML throws <see cref="XmlException"/>.
/// </summary>
internal sealed class GraphMlParser(XmlReader reader, string? file, TopologyBuilder builder)
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private readonly Dictionary<(string For, string Id), GraphMlKey> _keys = [];
    private GraphMlGraph? _graph;

    public GraphMlGraph? Parse()
    {
        reader.MoveToContent();
        if (!IsGraphMl("graphml"))
        {
            Error(Here(), $"expected a <graphml> document, found <{reader.Name}>");
            return null;
        }

        ForEachChild(() =>
        {
            switch (GraphMlName())
            {
                case "key":
                    ReadKey();
                    break;
                case "graph" when _graph is not null:
                    Error(Here(), "a file may hold only one <graph>");
                    reader.Skip();
                    break;
                case "graph":
                    _graph = ReadGraph();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        });

        if (_graph is null)
        {
            Error(new SourceLocation(file), "the document has no <graph>");
        }

        return _graph;
    }

    private void ReadKey()
    {
        var at = Here();
        string? id = reader.GetAttribute("id");
        string kind = reader.GetAttribute("for") ?? "all";
        string? name = reader.GetAttribute("attr.name");
        string type = reader.GetAttribute("attr.type") ?? "string";
        string? defaultValue = null;
        ForEachChild(() =>
        {
            if (GraphMlName() == "default")
            {
                defaultValue = ReadText();
            }
            else
            {
                reader.Skip();
            }
        });

        if (string.IsNullOrEmpty(id))
        {
            Error(at, "<key> has no 'id' attribute");
        }
        else if (!_keys.TryAdd((kind, id), new GraphMlKey(id, kind, string.IsNullOrEmpty(name) ? id : name, type, defaultValue)))
        {
            Error(at, $"key '{id}' for '{kind}' is declared twice");
        }
    }

    private GraphMlGraph ReadGraph()
    {
        var graph = new GraphMlGraph { Directed = reader.GetAttribute("edgedefault") == "directed" };
        ForEachChild(() =>
        {
            switch (GraphMlName())
            {
                case "data":
                    if (ReadData("graph") is { } value)
                    {
                        graph.Data[value.Name] = value.Text;
                    }

                    break;
                case "node":
                    graph.Nodes.Add(ReadElement("node", graph.Directed));
                    break;
                case "edge":
                    graph.Edges.Add(ReadElement("edge", graph.Directed));
                    break;
                case "hyperedge":
                    Error(Here(), "hyperedges are not supported");
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        });
        return graph;
    }

    private GraphMlElement ReadElement(string kind, bool directedDefault)
    {
        var at = Here();
        string? directed = reader.GetAttribute("directed");
        var element = new GraphMlElement(at)
        {
            Id = reader.GetAttribute("id"),
            Source = reader.GetAttribute("source"),
            Target = reader.GetAttribute("target"),
            Directed = directed is null ? directedDefault : directed == "true",
        };
        ForEachChild(() =>
        {
            switch (GraphMlName())
            {
                case "data":
                    if (ReadData(kind) is { } value && !element.Data.TryAdd(value.Name, value))
                    {
                        Error(value.At, $"{kind} has two values for '{value.Name}'");
                    }

                    break;
                case "graph":
                    Error(Here(), "nested graphs are not supported");
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        });

        foreach (var key in _keys.Values.Where(k => k.Default is not null && (k.For == kind || k.For == "all")))
        {
            element.Data.TryAdd(key.Name, new GraphMlValue(key.Name, key.Default!, at));
        }

        return element;
    }

    private GraphMlValue? ReadData(string kind)
    {
        var at = Here();
        string? keyId = reader.GetAttribute("key");
        string text = ReadText();
        if (keyId is null)
        {
            Error(at, "<data> has no 'key' attribute");
            return null;
        }

        if (!_keys.TryGetValue((kind, keyId), out var key) && !_keys.TryGetValue(("all", keyId), out key))
        {
            Error(at, $"data key '{keyId}' is not declared by a <key> for {kind}");
            return null;
        }

        if (GraphMlTypes.Check(key.Type, text) is { } problem)
        {
            Error(at, $"{key.Name}: {problem}");
            return null;
        }

        return new GraphMlValue(key.Name, text, at);
    }

    /// <summary>The text content of the current element, ignoring child elements; leaves the reader after it.</summary>
    private string ReadText()
    {
        var text = new System.Text.StringBuilder();
        ForEachChild(() => reader.Skip(), node => text.Append(node));
        return text.ToString();
    }

    /// <summary>
    /// Calls <paramref name="onElement"/> for each child element (it must consume the element) and
    /// <paramref name="onText"/> for text, then moves past the current element's end.
    /// </summary>
    private void ForEachChild(Action onElement, Action<string>? onText = null)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        int depth = reader.Depth;
        reader.Read();
        while (!(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                onElement();
            }
            else
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    onText?.Invoke(reader.Value);
                }

                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>The local name of the current element when it is in the GraphML namespace (or none), else empty.</summary>
    private string GraphMlName() => reader.NamespaceURI is Namespace or "" ? reader.LocalName : string.Empty;

    private bool IsGraphMl(string localName) => reader.NodeType == XmlNodeType.Element && GraphMlName() == localName;

    private SourceLocation Here()
    {
        var at = reader is IXmlLineInfo info && info.HasLineInfo()
            ? SourceLocation.InFile(file, info.LineNumber, Math.Max(1, info.LinePosition - 1))
            : new SourceLocation(file);
        return at with { Element = reader.NodeType == XmlNodeType.Element ? ElementText() : null };
    }

    /// <summary>The current element as a reader finds it in the file: its name and identifying attributes.</summary>
    private string ElementText()
    {
        var text = new StringBuilder("<").Append(reader.Name);
        foreach (string attribute in (ReadOnlySpan<string>)["id", "source", "target", "for", "attr.name"])
        {
            if (reader.GetAttribute(attribute) is { } value)
            {
                text.Append(' ').Append(attribute).Append("=\"").Append(value.Length > 40 ? value[..40] + "..." : value).Append('"');
            }
        }

        return text.Append('>').ToString();
    }

    private void Error(SourceLocation at, string message) => builder.Error(at, message);
}
