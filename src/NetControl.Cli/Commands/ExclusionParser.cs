using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Graph.Paths;

namespace NetControl.Cli.Commands;

/// <summary>
/// Reads <c>--exclude</c>: a comma-separated list of node ids or labels, link ids and SRLG ids. A name that
/// fits more than one kind must be prefixed: <c>node:X</c>, <c>link:X</c>, <c>srlg:X</c>.
/// </summary>
internal static class ExclusionParser
{
    public static PathConstraints Apply(PathConstraints constraints, NetworkTopology topology, string? list)
    {
        var nodes = ImmutableHashSet.CreateBuilder<string>();
        var links = ImmutableHashSet.CreateBuilder<string>();
        var srlgs = ImmutableHashSet.CreateBuilder<string>();
        foreach (string raw in (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = raw.IndexOf(':', StringComparison.Ordinal);
            string prefix = colon > 0 ? raw[..colon].ToLowerInvariant() : string.Empty;
            string name = prefix is "node" or "link" or "srlg" ? raw[(colon + 1)..] : raw;
            switch (prefix)
            {
                case "node":
                    nodes.Add(topology.ResolveNode(name).Id);
                    continue;
                case "link":
                    links.Add(topology.ContainsLink(name) ? name : throw new UsageException($"--exclude: no link '{name}' in topology '{topology.Name}'"));
                    continue;
                case "srlg":
                    srlgs.Add(topology.ContainsSrlg(name) ? name : throw new UsageException($"--exclude: no SRLG '{name}' in topology '{topology.Name}'"));
                    continue;
            }

            var kinds = new List<string>();
            string? node = TryNode(topology, name);
            if (node is not null)
            {
                kinds.Add("node");
            }

            if (topology.ContainsLink(name))
            {
                kinds.Add("link");
            }

            if (topology.ContainsSrlg(name))
            {
                kinds.Add("srlg");
            }

            switch (kinds.Count)
            {
                case 0:
                    throw new UsageException($"--exclude: '{name}' is not a node, link or SRLG of topology '{topology.Name}'");
                case > 1:
                    throw new UsageException($"--exclude: '{name}' is ambiguous ({string.Join(", ", kinds)}); write {string.Join(" or ", kinds.Select(k => $"{k}:{name}"))}");
            }

            (kinds[0] switch { "node" => nodes, "link" => links, _ => srlgs }).Add(kinds[0] == "node" ? node! : name);
        }

        return constraints with
        {
            ExcludeNodes = constraints.ExcludeNodes.Union(nodes),
            ExcludeLinks = constraints.ExcludeLinks.Union(links),
            ExcludeSrlgs = constraints.ExcludeSrlgs.Union(srlgs),
        };
    }

    private static string? TryNode(NetworkTopology topology, string name)
    {
        if (topology.ContainsNode(name))
        {
            return name;
        }

        var byLabel = topology.Nodes.Where(n => string.Equals(n.Label, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return byLabel.Count == 1 ? byLabel[0].Id : null;
    }
}
