using System.Globalization;
using NetControl.Core.Topology;
using NetControl.Graph.Analysis;

namespace NetControl.Cli.Output;

/// <summary>Text rendering of topologies.</summary>
internal static class TopologyText
{
    public static void Summary(TextWriter w, string source, NetworkTopology t, TopologyReport r)
    {
        string kinds = string.Join(", ", r.NodeKinds.Select(kv => $"{kv.Value} {kv.Key}"));
        w.WriteLine($"ok: {source} ({t.SourceFormat}) '{t.Name}': {r.Nodes} nodes ({kinds}), {r.Links} links, {r.Srlgs} SRLGs, {r.Demands} demands");
        string containers = r.SiteContainers > 0 ? $" ({r.SiteContainers} site nodes only house equipment and are not counted)" : string.Empty;
        w.WriteLine(r.Connected
            ? $"  connected: yes{containers}"
            : $"  connected: no, {r.Components.Length} components of {string.Join(", ", r.Components.Select(c => c.Length))} nodes{containers}");
        w.WriteLine($"  coordinates: {r.LocatedNodes} of {r.Nodes} nodes; lengths: {r.LinksWithLength} of {r.Links} links; capacities: {r.LinksWithCapacity} of {r.Links} links");
        w.WriteLine($"  parallel links: {r.ParallelLinkPairs} node pairs; external nodes: {r.ExternalNodes}");
    }

    public static void Tables(TextWriter w, NetworkTopology t)
    {
        w.WriteLine();
        var nodeRows = t.Nodes.Select(n => new[]
        {
            n.Id,
            n.Kind.ToName(),
            n.Label ?? string.Empty,
            n.Location?.ToString() ?? "-",
            n.Site ?? "-",
            n.Ports.Length.ToString(CultureInfo.InvariantCulture),
        });
        TextTable.Write(w, ["node", "kind", "label", "location", "site", "ports"], nodeRows);
        w.WriteLine();
        var linkRows = t.Links.Select(l => new[]
        {
            l.Id,
            l.A.ToString(),
            l.B.ToString(),
            Number(l.LengthKm, "0.#"),
            Number(l.LatencyMs, "0.###") + (l.LatencyIsDerived ? "*" : string.Empty),
            l.Capacity?.ToString() ?? "-",
            l.Srlgs.IsEmpty ? "-" : string.Join(",", l.Srlgs),
            l.Admin == AdminState.Up ? "up" : "down",
        });
        TextTable.Write(w, ["link", "a", "b", "km", "ms", "capacity", "srlgs", "admin"], linkRows);
        if (t.Links.Any(l => l.LatencyIsDerived))
        {
            w.WriteLine("  * latency derived from length at 5 us/km");
        }
    }

    private static string Number(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
