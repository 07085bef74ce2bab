using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Formats.GraphMl;

/// <summary>
/// Maps a Topology Zoo node to a site: <c>label</c> to the label, <c>Latitude</c>/<c>Longitude</c> to the location when both
/// are present and in range, <c>Internal = 0</c> to an external node; every other value stays in the attributes.
/// </summary>
internal static class ZooNodeMapper
{
    public static Node Map(GraphMlElement element)
    {
        var attributes = element.Data.Values.ToDictionary(v => v.Name, v => v.Text, StringComparer.Ordinal);
        string? label = Take(attributes, ZooNames.Label);
        GeoCoordinate? location = null;
        if (attributes.TryGetValue(ZooNames.Latitude, out string? latText) &&
            attributes.TryGetValue(ZooNames.Longitude, out string? lonText) &&
            GraphMlTypes.TryParseDouble(latText, out double lat) &&
            GraphMlTypes.TryParseDouble(lonText, out double lon) &&
            GeoCoordinate.IsValid(lat, lon))
        {
            location = new GeoCoordinate(lat, lon);
            attributes.Remove(ZooNames.Latitude);
            attributes.Remove(ZooNames.Longitude);
        }

        bool external = false;
        if (attributes.TryGetValue(ZooNames.Internal, out string? internalText) && internalText.Trim() is "0" or "1")
        {
            external = internalText.Trim() == "0";
            attributes.Remove(ZooNames.Internal);
        }

        return new Node
        {
            Id = element.Id!,
            Kind = NodeKind.Site,
            Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
            Location = location,
            External = external,
            Attributes = attributes.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    private static string? Take(Dictionary<string, string> attributes, string name) =>
        attributes.Remove(name, out string? value) ? value : null;
}
