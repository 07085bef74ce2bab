using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Tests.Shared;

namespace NetControl.Simulators.Optical.Tests.Workloads;

/// <summary>The site networks of the lightpath benchmarks, read once from ../shared/data.</summary>
internal static class SiteNetworks
{
    private static readonly Lazy<NetworkTopology> Germany50Topology = new(() => TopologyFile.Load(SharedDataPath.Combine("sndlib", "germany50.txt")));
    private static readonly Lazy<NetworkTopology> Geant2012Topology = new(() => TopologyFile.Load(SharedDataPath.Combine("topology-zoo", "Geant2012.graphml")));

    /// <summary>SNDlib germany50: 50 sites, 88 links, with demands.</summary>
    public static NetworkTopology Germany50 => Germany50Topology.Value;

    /// <summary>Topology Zoo Geant2012: no demands.</summary>
    public static NetworkTopology Geant2012 => Geant2012Topology.Value;

    public static NetworkTopology ByName(string name) => name switch
    {
        "germany50" => Germany50,
        "Geant2012" => Geant2012,
        _ => throw new ArgumentException($"no site network '{name}'", nameof(name)),
    };
}
