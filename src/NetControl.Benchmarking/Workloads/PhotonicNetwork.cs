using System.Collections.Frozen;
using System.Collections.Immutable;
using NetControl.Core.Topology;

namespace NetControl.Benchmarking.Workloads;

/// <summary>
/// A photonic network made from a site network by <see cref="PhotonicNetworkBuilder"/>: one switch a site (same id),
/// a cable of parallel fibre links a site link, and the add/drop ports where lightpaths start and end.
/// </summary>
public sealed class PhotonicNetwork
{
    private readonly FrozenDictionary<string, string> _siteLinkOfFibre;

    internal PhotonicNetwork(
        NetworkTopology topology,
        NetworkTopology sites,
        PhotonicNetworkOptions options,
        FrozenDictionary<string, ImmutableArray<string>> addDropPorts,
        FrozenDictionary<string, ImmutableArray<string>> fibres)
    {
        Topology = topology;
        Sites = sites;
        Options = options;
        AddDropPorts = addDropPorts;
        Fibres = fibres;
        _siteLinkOfFibre = fibres.SelectMany(c => c.Value.Select(f => KeyValuePair.Create(f, c.Key))).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The photonic topology: switches, fibre links, duct SRLGs and the site network's demands.</summary>
    public NetworkTopology Topology { get; }

    /// <summary>The site network it was made from.</summary>
    public NetworkTopology Sites { get; }

    public PhotonicNetworkOptions Options { get; }

    /// <summary>
    /// Per site (= switch) id, the names of its add/drop ports in order: the port a lightpath endpoint names
    /// (<c>SITE:PORT</c>); for a Glimmerglass, the input port of the pair (<c>1xxxx</c>), as links name it.
    /// </summary>
    public FrozenDictionary<string, ImmutableArray<string>> AddDropPorts { get; }

    /// <summary>Per site link id, the ids of the fibre links of its cable.</summary>
    public FrozenDictionary<string, ImmutableArray<string>> Fibres { get; }

    /// <summary>The site link whose cable holds fibre link <paramref name="fibreId"/>; any other id as it is.</summary>
    public string SiteLinkOf(string fibreId) => _siteLinkOfFibre.GetValueOrDefault(fibreId, fibreId);

    /// <summary>The SRLG every fibre of the cable of <paramref name="siteLinkId"/> belongs to.</summary>
    public static string DuctSrlg(string siteLinkId) => $"duct-{siteLinkId}";

    /// <summary>The endpoint text <c>SITE:PORT</c>.</summary>
    public static string Endpoint(string site, string port) => $"{site}:{port}";

    /// <summary>
    /// <paramref name="count"/> lightpath requests as endpoint pairs <c>SITEA:port</c>, <c>SITEB:port</c>, each add/drop
    /// port used at most once. From the topology's demands (SNDlib) in an order shuffled by <paramref name="seed"/>,
    /// taken again in a new order while ports remain; with no demands, random site pairs drawn with
    /// <paramref name="seed"/>. A demand whose sites have no free add/drop port left is skipped. The same seed gives
    /// the same list.
    /// </summary>
    /// <exception cref="BenchmarkSetupException">The add/drop ports run out before <paramref name="count"/> pairs.</exception>
    public IReadOnlyList<(string From, string To)> DemandEndpoints(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(string From, string To)>(count);
        var demands = Topology.Demands.Where(d => d.Source != d.Target).ToArray();

        bool TryPair(string a, string b)
        {
            if (Free(a) == 0 || Free(b) == 0)
            {
                return false;
            }

            result.Add((Take(a), Take(b)));
            return true;
        }

        int Free(string site) => AddDropPorts.TryGetValue(site, out var ports) ? ports.Length - next.GetValueOrDefault(site) : 0;

        string Take(string site)
        {
            int i = next.GetValueOrDefault(site);
            next[site] = i + 1;
            return Endpoint(site, AddDropPorts[site][i]);
        }

        if (demands.Length > 0)
        {
            bool progress = true;
            while (result.Count < count && progress)
            {
                progress = false;
                random.Shuffle(demands);
                foreach (var demand in demands)
                {
                    if (result.Count == count)
                    {
                        break;
                    }

                    progress |= TryPair(demand.Source, demand.Target);
                }
            }
        }
        else
        {
            while (result.Count < count)
            {
                var open = AddDropPorts.Keys.Where(s => Free(s) > 0).Order(StringComparer.Ordinal).ToArray();
                if (open.Length < 2)
                {
                    break;
                }

                int a = random.Next(open.Length);
                int b = random.Next(open.Length - 1);
                TryPair(open[a], open[b >= a ? b + 1 : b]);
            }
        }

        if (result.Count < count)
        {
            throw new BenchmarkSetupException(
                $"{Topology.Name}: only {result.Count} of {count} lightpath endpoint pairs fit in {Options.AddDropPortsPerSite} add/drop ports a site; raise AddDropPortsPerSite");
        }

        return result;
    }

    public override string ToString() => $"{Topology} ({Options.FibresPerLink} fibres a site link, {Options.AddDropPortsPerSite} add/drop ports a site)";
}
