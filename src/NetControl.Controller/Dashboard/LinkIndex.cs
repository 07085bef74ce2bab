using System.Collections.Frozen;
using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Controller.Dashboard;

/// <summary>The sites at the ends of every link of the network and of the reflector overlay (for site filters).</summary>
public sealed class LinkIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<string>> _linkSites;
    private readonly FrozenDictionary<string, string> _nodeSites;

    public LinkIndex(params NetworkTopology?[] topologies)
    {
        var links = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var topology in topologies)
        {
            if (topology is null)
            {
                continue;
            }

            foreach (var node in topology.Nodes)
            {
                nodes.TryAdd(node.Id, node.Site ?? node.Id);
            }

            foreach (var link in topology.Links)
            {
                links.TryAdd(link.Id, [.. new[] { nodes[link.A.Node], nodes[link.B.Node] }.Distinct(StringComparer.Ordinal)]);
            }
        }

        _linkSites = links.ToFrozenDictionary(StringComparer.Ordinal);
        _nodeSites = nodes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ImmutableArray<string> SitesOfLink(string linkId) => _linkSites.TryGetValue(linkId, out var sites) ? sites : [];

    public ImmutableArray<string> SitesOfNodes(IEnumerable<string> nodeIds) =>
        [.. nodeIds.Select(n => _nodeSites.TryGetValue(n, out string? site) ? site : n).Distinct(StringComparer.Ordinal)];
}
