using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>
/// Reads a link end, <c>node</c>, <c>node:port</c> (split at the first colon) or <c>{ node: X, port: Y }</c>, and checks
/// it against the nodes read, so an unknown node or port is reported at the end itself.
/// </summary>
internal static class YamlEndpointReader
{
    public static LinkEndpoint? Read(YamlContext context, YamlMap link, string key, IReadOnlyDictionary<string, Node> nodes)
    {
        if (link.Require(key) is not { } value)
        {
            return null;
        }

        var end = value is YamlMappingNode ? ReadMapping(context, link, key, value) : ReadText(link, key, value);
        if (end is null)
        {
            return null;
        }

        if (!nodes.TryGetValue(end.Node, out var node))
        {
            link.Error(value, $"'{key}' names unknown node '{end.Node}'");
            return null;
        }

        if (end.Port is { } port && node.FindPort(port) is null)
        {
            string known = node.Ports.IsEmpty ? "it declares no ports" : $"it has {node.Ports.Length} ports, e.g. '{node.Ports[0].Name}'";
            link.Error(value, $"'{key}': node '{end.Node}' has no port '{port}' ({known})");
            return null;
        }

        return end;
    }

    private static LinkEndpoint? ReadText(YamlMap link, string key, YamlNode value)
    {
        if (link.AsString($"'{key}'", value) is not { } text)
        {
            return null;
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new LinkEndpoint(text);
        }

        if (colon == 0 || colon == text.Length - 1)
        {
            link.Error(value, $"'{key}' must be 'node' or 'node:port', not '{text}'");
            return null;
        }

        return new LinkEndpoint(text[..colon], text[(colon + 1)..]);
    }

    private static LinkEndpoint? ReadMapping(YamlContext context, YamlMap link, string key, YamlNode value)
    {
        if (YamlMap.Open(context, value, $"{link.Subject} {key}", YamlKeys.Endpoint) is not { } map)
        {
            return null;
        }

        string? node = map.String("node", required: true);
        string? port = map.String("port");
        return node is null ? null : new LinkEndpoint(node, port);
    }
}
