using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Tests.Shared;

namespace NetControl.Dashboard.Tests.Support;

internal static class TestTopologies
{
    public static NetworkTopology UsLhcNet { get; } =
        TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));

    public static NetworkTopology Kdl() => TopologyFile.Load(SharedDataPath.Combine("topology-zoo", "Kdl.graphml"));
}
