using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>
/// Reads the native YAML topology format (documented in <c>topology/README.md</c>). Strict: unknown keys, wrong
/// types and duplicate keys are errors; every problem in the file is reported at once, each with line and column.
/// </summary>
internal static class YamlTopologyReader
{
    public static NetworkTopology Read(string text, string? file)
    {
        var root = YamlDocumentLoader.Load(text, file);
        string fallbackName = Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem ? stem : "topology";
        var builder = new TopologyBuilder(fallbackName) { SourceFile = file, SourceFormat = TopologyFormat.Yaml.ToName() };
        var context = new YamlContext(file, builder);
        if (YamlMap.Open(context, root, "top level", YamlKeys.TopLevel) is { } top)
        {
            ReadTopLevel(context, top);
        }

        return SourceOrder.Build(builder);
    }

    private static void ReadTopLevel(YamlContext context, YamlMap top)
    {
        var builder = context.Builder;
        if (top.String("format") is { } format && format != YamlKeys.FormatVersion)
        {
            top.Error(top.Get("format")!, $"unsupported format '{format}' (this reader reads '{YamlKeys.FormatVersion}')");
        }

        builder.Name = top.String("name", required: true) ?? builder.Name;
        builder.Description = top.String("description");
        builder.Attribution = top.String("attribution");
        if (top.Has("srlgs"))
        {
            builder.RequireDeclaredSrlgs = true;
            ForEach(top, "srlgs", (item, n) => YamlSrlgReader.Read(context, item, n), (srlg, item) => builder.AddSrlg(srlg, context.At(item)));
        }

        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        if (top.Require("nodes") is YamlSequenceNode { Children.Count: 0 } nodeList)
        {
            top.Error(nodeList, "'nodes' must list at least one node");
        }

        ForEach(top, "nodes", (item, n) => YamlNodeReader.Read(context, item, n), (node, item) =>
        {
            builder.AddNode(node, context.At(item));
            nodes.TryAdd(node.Id, node);
        });
        ForEach(top, "links", (item, n) => YamlLinkReader.Read(context, item, n, nodes), (link, item) => builder.AddLink(link, context.At(item)));
        ForEach(top, "demands", (item, n) => YamlDemandReader.Read(context, item, n), (demand, item) => builder.AddDemand(demand, context.At(item)));
    }

    private static void ForEach<T>(YamlMap top, string key, Func<YamlNode, int, T?> read, Action<T, YamlNode> add)
        where T : class
    {
        var items = top.List(key);
        for (int i = 0; i < items.Count; i++)
        {
            if (read(items[i], i + 1) is { } value)
            {
                add(value, items[i]);
            }
        }
    }
}
