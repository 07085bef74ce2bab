using NetControl.Core.Topology;
using NetControl.Core.Units;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Reads one entry of <c>links</c>.</summary>
internal static class YamlLinkReader
{
    public static Link? Read(YamlContext context, YamlNode item, int number, IReadOnlyDictionary<string, Node> nodes)
    {
        if (YamlMap.OpenEntry(context, item, "link", number, YamlKeys.Link) is not { } map)
        {
            return null;
        }

        string? id = map.String("id", required: true);
        var a = YamlEndpointReader.Read(context, map, "a", nodes);
        var b = YamlEndpointReader.Read(context, map, "b", nodes);
        double? lengthKm = map.Number("length-km", min: 0);
        double? latencyMs = map.Number("latency-ms", min: 0);
        var capacity = ReadCapacity(map);
        var srlgs = map.StringList("srlgs");
        var admin = map.Choice("admin", YamlChoices.Admin) ?? AdminState.Up;
        string? label = map.String("label");
        var attributes = map.StringMap("attributes");
        if (id is null || a is null || b is null)
        {
            return null;
        }

        return new Link
        {
            Id = id,
            A = a,
            B = b,
            LengthKm = lengthKm,
            SpecifiedLatencyMs = latencyMs,
            Capacity = capacity,
            Srlgs = srlgs,
            Admin = admin,
            Label = label,
            Attributes = attributes,
        };
    }

    private static DataRate? ReadCapacity(YamlMap link)
    {
        if (link.Get("capacity") is not { } value)
        {
            return null;
        }

        if (value is not YamlScalarNode { Value: { } text })
        {
            link.Error(value, $"'capacity' must be a data rate such as 10G, not {YamlValues.Describe(value)}");
            return null;
        }

        if (DataRate.TryParse(text, out var rate, out string error))
        {
            return rate;
        }

        link.Error(value, $"'capacity': {error}");
        return null;
    }
}
