using NetControl.Core.Topology;
using NetControl.Graph.Analysis;

namespace NetControl.Cli.Json;

/// <summary>Maps the topology model and its analysis to JSON shapes.</summary>
internal static class TopologyMapping
{
    public static TopologyJson ToJson(this NetworkTopology t) => new(
        t.Name,
        t.Description,
        t.Attribution,
        t.SourceFormat,
        [.. t.Nodes.Select(n => new NodeJson(
            n.Id,
            n.Kind.ToName(),
            n.Label,
            n.Location?.Latitude,
            n.Location?.Longitude,
            n.Site,
            n.Vendor,
            n.External,
            [.. n.Ports.Select(p => new PortJson(p.Name, p.Direction.ToString().ToLowerInvariant(), p.Pair, p.Admin.ToString().ToLowerInvariant()))],
            n.Srlgs,
            n.Attributes))],
        [.. t.Links.Select(l => new LinkJson(
            l.Id,
            new EndpointJson(l.A.Node, l.A.Port),
            new EndpointJson(l.B.Node, l.B.Port),
            JsonRound.R(l.LengthKm),
            JsonRound.R(l.LatencyMs),
            l.LatencyIsDerived,
            l.Capacity?.BitsPerSecond,
            l.Srlgs,
            l.Admin.ToString().ToLowerInvariant(),
            l.Label,
            l.Attributes))],
        [.. t.Srlgs.Select(s => new SrlgJson(s.Id, s.Description, [.. t.Links.Where(l => l.Srlgs.Contains(s.Id)).Select(l => l.Id)]))],
        [.. t.Demands.Select(d => new DemandJson(d.Id, d.Source, d.Target, d.Value, d.MaxPathLength))]);

    public static TopologySummaryJson ToJson(this TopologyReport r) => new(
        r.Nodes,
        r.Links,
        r.NodeKinds,
        r.Srlgs,
        r.Demands,
        r.Components.Length,
        r.Components.IsEmpty ? 0 : r.Components[0].Length,
        r.LocatedNodes,
        r.LinksWithLength,
        r.LinksWithCapacity,
        r.ParallelLinkPairs,
        r.ExternalNodes,
        r.SiteContainers);

    public static ErrorLineJson ToJson(this TopologyError e) =>
        new(e.Location.File, e.Location.Line, e.Location.Column, e.Location.Element, e.Message);
}
