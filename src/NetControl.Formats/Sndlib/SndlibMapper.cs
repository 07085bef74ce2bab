using System.Collections.Immutable;
using System.Globalization;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Formats.Sndlib;

/// <summary>
/// Maps an SNDlib network to the model: nodes become sites located by their coordinates, links get their
/// great-circle length and a capacity (the pre-installed one when positive, else the largest module) converted
/// with the META unit; the raw numbers stay in the link attributes.
/// </summary>
internal static class SndlibMapper
{
    public static void AddTo(SndlibDocument document, TopologyBuilder builder)
    {
        string? unit = document.Meta.GetValueOrDefault("unit");
        double? bitsPerUnit = SndlibUnits.BitsPerSecond(unit);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var raw in document.Nodes)
        {
            var node = MapNode(raw);
            nodes.TryAdd(node.Id, node);
            builder.AddNode(node, raw.At);
        }

        foreach (var raw in document.Links)
        {
            double? lengthKm = nodes.GetValueOrDefault(raw.Source)?.Location is { } a && nodes.GetValueOrDefault(raw.Target)?.Location is { } b
                ? a.DistanceKmTo(b)
                : null;
            var capacity = RawCapacity(raw);
            DataRate? rate = null;
            if (capacity is { } c && bitsPerUnit is { } factor)
            {
                double bps = c.Value * factor;
                if (double.IsFinite(bps))
                {
                    rate = new DataRate(bps);
                }
                else
                {
                    builder.Error(raw.At, $"link '{raw.Id}': capacity {c.Text} {unit} is too large");
                }
            }

            builder.AddLink(
                new Link
                {
                    Id = raw.Id,
                    A = new LinkEndpoint(raw.Source),
                    B = new LinkEndpoint(raw.Target),
                    LengthKm = lengthKm,
                    Capacity = rate,
                    Attributes = LinkAttributes(raw, capacity, unit),
                },
                raw.At);
        }

        foreach (var (demand, at) in document.Demands)
        {
            builder.AddDemand(demand, at);
        }
    }

    private static Node MapNode(SndlibNode raw)
    {
        if (raw.Longitude is not { } lon || raw.Latitude is not { } lat)
        {
            return new Node { Id = raw.Id };
        }

        if (GeoCoordinate.IsValid(lat.Value, lon.Value))
        {
            return new Node { Id = raw.Id, Location = new GeoCoordinate(lat.Value, lon.Value) };
        }

        // Some SNDlib instances use plane coordinates; keep them without pretending they are on the globe.
        return new Node { Id = raw.Id, Attributes = ImmutableSortedDictionary.CreateRange<string, string>(StringComparer.Ordinal, [new("x", lon.Text), new("y", lat.Text)]) };
    }

    /// <summary>The pre-installed capacity when positive, else the largest module capacity when positive, else none.</summary>
    private static SndlibNumber? RawCapacity(SndlibLink link)
    {
        if (link.PreInstalledCapacity.Value > 0)
        {
            return link.PreInstalledCapacity;
        }

        return link.Modules.Count > 0 && link.Modules.MaxBy(m => m.Capacity.Value).Capacity is { Value: > 0 } largest ? largest : null;
    }

    private static ImmutableSortedDictionary<string, string> LinkAttributes(SndlibLink link, SndlibNumber? capacity, string? unit)
    {
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        attributes["pre-installed-capacity"] = link.PreInstalledCapacity.Text;
        attributes["pre-installed-capacity-cost"] = link.PreInstalledCapacityCost.Text;
        attributes["routing-cost"] = link.RoutingCost.Text;
        attributes["setup-cost"] = link.SetupCost.Text;
        if (capacity is { } c)
        {
            attributes["capacity"] = c.Text;
        }

        if (link.Modules.Count > 0)
        {
            attributes["modules"] = string.Join(" ", link.Modules.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Capacity.Text}/{m.Cost.Text}")));
        }

        if (!string.IsNullOrEmpty(unit))
        {
            attributes["capacity-unit"] = unit;
        }

        return attributes.ToImmutable();
    }
}
