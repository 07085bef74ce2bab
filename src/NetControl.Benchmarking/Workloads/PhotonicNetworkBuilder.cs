using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NetControl.Core.Topology;

namespace NetControl.Benchmarking.Workloads;

/// <summary>
/// Turns a site network (SNDlib, Topology Zoo: sites and links, no ports) into a photonic network that the optical
/// simulator runs and the TL1 drivers program: each site becomes a photonic switch with the site's id, label and
/// location; each site link becomes a cable of <see cref="PhotonicNetworkOptions.FibresPerLink"/> parallel fibre
/// links between switch ports, all in the SRLG <c>duct-&lt;siteLinkId&gt;</c> and the site link's own SRLGs, with its
/// length, latency and capacity; each switch also gets <see cref="PhotonicNetworkOptions.AddDropPortsPerSite"/>
/// unlinked add/drop ports for lightpath endpoints.
/// </summary>
/// <remarks>
/// Physical port numbers 1..N on each switch: the add/drop ports first, then the fibre ports in site-link order.
/// Calient ports are bidirectional <c>1.1a.n</c> (the simulator and driver accept any n). Glimmerglass port n is the
/// pair input <c>10000+n</c> / output <c>20000+n</c>, links land on the input name; five digits allow n up to 9999.
/// </remarks>
public static class PhotonicNetworkBuilder
{
    public const string Calient = "calient";

    public const string Glimmerglass = "glimmerglass";

    /// <summary>The most physical ports a Glimmerglass switch can have with five-digit port numbers (1xxxx / 2xxxx).</summary>
    public const int MaxGlimmerglassPorts = 9999;

    /// <exception cref="BenchmarkSetupException">Bad options, or a Glimmerglass switch needs more than 9999 ports.</exception>
    public static PhotonicNetwork Build(NetworkTopology sites, PhotonicNetworkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var o = options ?? new PhotonicNetworkOptions();
        if (o.FibresPerLink < 1)
        {
            throw new BenchmarkSetupException($"FibresPerLink is {o.FibresPerLink}; a cable needs at least one fibre");
        }

        if (o.AddDropPortsPerSite < 0)
        {
            throw new BenchmarkSetupException($"AddDropPortsPerSite is {o.AddDropPortsPerSite}; it cannot be negative");
        }

        var vendors = new string[sites.Nodes.Length];
        var portCounts = new int[sites.Nodes.Length];
        for (int i = 0; i < sites.Nodes.Length; i++)
        {
            vendors[i] = VendorOf(o.Vendor, i);
            long count = o.AddDropPortsPerSite + ((long)o.FibresPerLink * sites.LinkIndexesAt(i).Length);
            if (vendors[i] == Glimmerglass && count > MaxGlimmerglassPorts)
            {
                throw new BenchmarkSetupException(
                    $"{sites.Name}: Glimmerglass switch '{sites.Nodes[i].Id}' would need {count} ports ({sites.LinkIndexesAt(i).Length} site links x {o.FibresPerLink} fibres + {o.AddDropPortsPerSite} add/drop); five-digit port numbers allow {MaxGlimmerglassPorts}");
            }

            portCounts[i] = checked((int)count);
        }

        var builder = new TopologyBuilder(o.Name ?? $"{sites.Name}-photonic")
        {
            Description = $"Photonic network made from {sites.Name}: {o.FibresPerLink} fibres a site link, {o.AddDropPortsPerSite} add/drop ports a site, vendors {o.Vendor}.",
            Attribution = sites.Attribution,
            SourceFile = sites.SourceFile,
            SourceFormat = sites.SourceFormat,
        };

        var addDrop = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        for (int i = 0; i < sites.Nodes.Length; i++)
        {
            var site = sites.Nodes[i];
            builder.AddNode(site with
            {
                Kind = NodeKind.OpticalSwitch,
                Vendor = vendors[i],
                Site = null,
                Ports = Ports(vendors[i], portCounts[i]),
            });
            addDrop[site.Id] = [.. Enumerable.Range(1, o.AddDropPortsPerSite).Select(n => PortName(vendors[i], n))];
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var srlg in sites.Srlgs)
        {
            builder.AddSrlg(srlg);
            declared.Add(srlg.Id);
        }

        var nextPort = Enumerable.Repeat(o.AddDropPortsPerSite + 1, sites.Nodes.Length).ToArray();
        var fibres = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var link in sites.Links)
        {
            string duct = PhotonicNetwork.DuctSrlg(link.Id);
            if (declared.Add(duct))
            {
                builder.AddSrlg(new Srlg(duct, $"cable of site link {link}"));
            }

            ImmutableArray<string> srlgs = [duct, .. link.Srlgs.Where(s => s != duct)];
            int a = sites.IndexOfNode(link.A.Node);
            int b = sites.IndexOfNode(link.B.Node);
            var ids = ImmutableArray.CreateBuilder<string>(o.FibresPerLink);
            for (int k = 1; k <= o.FibresPerLink; k++)
            {
                string id = FibreId(link.Id, k);
                builder.AddLink(link with
                {
                    Id = id,
                    A = new LinkEndpoint(link.A.Node, PortName(vendors[a], nextPort[a]++)),
                    B = new LinkEndpoint(link.B.Node, PortName(vendors[b], nextPort[b]++)),
                    Srlgs = srlgs,
                    Label = $"{link.Label ?? link.Id} fibre {k}",
                    Attributes = link.Attributes.SetItem("site-link", link.Id).SetItem("fibre", k.ToString(CultureInfo.InvariantCulture)),
                });
                ids.Add(id);
            }

            fibres[link.Id] = ids.MoveToImmutable();
        }

        foreach (var demand in sites.Demands)
        {
            builder.AddDemand(demand);
        }

        return new PhotonicNetwork(builder.Build(), sites, o, addDrop.ToFrozenDictionary(StringComparer.Ordinal), fibres.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The id of fibre <paramref name="fibre"/> (1-based) of the cable of <paramref name="siteLinkId"/>.</summary>
    public static string FibreId(string siteLinkId, int fibre) => $"{siteLinkId}/f{fibre.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The name links and endpoints use for physical port <paramref name="n"/> (1-based): <c>1.1a.n</c> on a Calient,
    /// the input <c>10000+n</c> on a Glimmerglass.
    /// </summary>
    public static string PortName(string vendor, int n) => vendor switch
    {
        Calient => $"1.1a.{n.ToString(CultureInfo.InvariantCulture)}",
        Glimmerglass => GlimmerglassPort(1, n),
        _ => throw new ArgumentException($"vendor '{vendor}' is neither {Calient} nor {Glimmerglass}", nameof(vendor)),
    };

    private static string VendorOf(PhotonicVendorPolicy policy, int index) => policy switch
    {
        PhotonicVendorPolicy.AllCalient => Calient,
        PhotonicVendorPolicy.AllGlimmerglass => Glimmerglass,
        _ => index % 2 == 0 ? Calient : Glimmerglass,
    };

    private static ImmutableArray<Port> Ports(string vendor, int count)
    {
        if (vendor == Calient)
        {
            return [.. Enumerable.Range(1, count).Select(n => new Port(PortName(Calient, n)))];
        }

        var ports = ImmutableArray.CreateBuilder<Port>(2 * count);
        for (int n = 1; n <= count; n++)
        {
            ports.Add(new Port(GlimmerglassPort(1, n), PortDirection.Input, GlimmerglassPort(2, n)));
        }

        for (int n = 1; n <= count; n++)
        {
            ports.Add(new Port(GlimmerglassPort(2, n), PortDirection.Output, GlimmerglassPort(1, n)));
        }

        return ports.MoveToImmutable();
    }

    private static string GlimmerglassPort(int bank, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxGlimmerglassPorts);
        return ((bank * 10000) + n).ToString(CultureInfo.InvariantCulture);
    }
}
