using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Formats.GraphMl;

/// <summary>
/// Maps a Topology Zoo edge to an undirected link: the great-circle distance between located ends as its length,
/// <c>LinkSpeedRaw</c> (bit/s) as its capacity, <c>LinkLabel</c> as its label; every other value stays in the attributes.
/// </summary>
internal static class ZooLinkMapper
{
    public static Link? Map(GraphMlElement edge, string id, IReadOnlyDictionary<string, Node> nodes, TopologyBuilder builder)
    {
        var attributes = edge.Data.Values.ToDictionary(v => v.Name, v => v.Text, StringComparer.Ordinal);
        DataRate? capacity = null;
        if (edge.Data.TryGetValue(ZooNames.LinkSpeedRaw, out var speed))
        {
            if (!GraphMlTypes.TryParseDouble(speed.Text, out double bps) || !double.IsFinite(bps) || bps < 0)
            {
                builder.Error(speed.At, $"edge '{id}': LinkSpeedRaw '{speed.Text}' is not a finite, non-negative number of bit/s");
                return null;
            }

            capacity = new DataRate(bps);
            attributes.Remove(ZooNames.LinkSpeedRaw);
        }

        string? label = attributes.Remove(ZooNames.LinkLabel, out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        if (edge.Directed)
        {
            attributes[ZooNames.Directed] = "true";
        }

        double? lengthKm = nodes.TryGetValue(edge.Source!, out var a) && a.Location is { } from &&
                           nodes.TryGetValue(edge.Target!, out var b) && b.Location is { } to
            ? from.DistanceKmTo(to)
            : null;
        return new Link
        {
            Id = id,
            A = new LinkEndpoint(edge.Source!),
            B = new LinkEndpoint(edge.Target!),
            LengthKm = lengthKm,
            Capacity = capacity,
            Label = label,
            Attributes = attributes.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }
}
