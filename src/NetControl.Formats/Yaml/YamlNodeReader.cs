using NetControl.Core.Topology;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>Reads one entry of <c>nodes</c>.</summary>
internal static class YamlNodeReader
{
    public static Node? Read(YamlContext context, YamlNode item, int number)
    {
        if (YamlMap.OpenEntry(context, item, "node", number, YamlKeys.Node) is not { } map)
        {
            return null;
        }

        string? id = map.String("id", required: true);
        var node = new Node
        {
            Id = id ?? string.Empty,
            Kind = map.Choice("kind", YamlChoices.Kind) ?? NodeKind.Site,
            Label = map.String("label"),
            Location = ReadLocation(map),
            Site = map.String("site"),
            Vendor = map.String("vendor"),
            External = map.Bool("external") ?? false,
            Srlgs = map.StringList("srlgs"),
            Attributes = map.StringMap("attributes"),
            Ports = YamlPortReader.Read(context, map),
        };
        return id is null ? null : node;
    }

    private static GeoCoordinate? ReadLocation(YamlMap node)
    {
        if (node.Map("location", YamlKeys.Location) is not { } location)
        {
            return null;
        }

        double? lat = location.Number("lat", required: true);
        double? lon = location.Number("lon", required: true);
        bool valid = true;
        if (lat is { } la && la is < -90 or > 90)
        {
            location.Error(location.Get("lat")!, $"'lat' {la} is out of range (-90 to 90 degrees)");
            valid = false;
        }

        if (lon is { } lo && lo is < -180 or > 180)
        {
            location.Error(location.Get("lon")!, $"'lon' {lo} is out of range (-180 to 180 degrees)");
            valid = false;
        }

        return valid && lat is { } latitude && lon is { } longitude ? new GeoCoordinate(latitude, longitude) : null;
    }
}
