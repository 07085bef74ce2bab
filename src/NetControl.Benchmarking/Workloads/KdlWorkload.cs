using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Graph;
using NetControl.Graph.Paths;

namespace NetControl.Benchmarking.Workloads;

/// <summary>
/// The KDL fibre network (Topology Zoo, 754 nodes, 899 links), with parallel links collapsed to the shortest
/// so that our multigraph engine and QuikGraph solve exactly the same problem. Endpoints are the two ends of
/// a double sweep (far apart in hops), so paths are long.
/// </summary>
public sealed class KdlWorkload
{
    private KdlWorkload(NetworkTopology topology)
    {
        Topology = topology;
        Graph = NetworkGraph.Build(topology);
        Finder = new PathFinder(Graph);
        KmWeight = [.. topology.Links.Select(l => l.LengthKm ?? double.NaN)];
        (Source, Target) = FarApart(topology, KmWeight);
        Excluded = [.. Enumerable.Range(0, topology.Links.Length).Select(e => e % 17 == 5)];
    }

    public NetworkTopology Topology { get; }

    public NetworkGraph Graph { get; }

    public PathFinder Finder { get; }

    public double[] KmWeight { get; }

    public int Source { get; }

    public int Target { get; }

    /// <summary>Links excluded in the constrained case (every 17th).</summary>
    public bool[] Excluded { get; }

    public string SourceId => Topology.Nodes[Source].Id;

    public string TargetId => Topology.Nodes[Target].Id;

    public static KdlWorkload Load(string? dataDirectory)
    {
        string? repoCopy = SharedData.TryLocateRepositoryTopology() is { } zoo ? Path.Combine(zoo, "Kdl.graphml") : null;
        string path = repoCopy is not null && File.Exists(repoCopy)
            ? repoCopy
            : Path.Combine(SharedData.Locate(dataDirectory), "topology-zoo", "Kdl.graphml");
        return new KdlWorkload(CollapseParallelLinks(TopologyFile.Load(path)));
    }

    /// <summary>The constrained request: km, every 17th link excluded.</summary>
    public PathRequest ConstrainedRequest() => new(SourceId, TargetId)
    {
        Metric = PathMetric.Km,
        Constraints = new PathConstraints
        {
            ExcludeLinks = [.. Topology.Links.Where((_, e) => Excluded[e]).Select(l => l.Id)],
        },
    };

    /// <summary>Fewest hops within a latency bound 10% above the lowest latency: a resource-constrained search.</summary>
    public PathRequest LatencyBoundedRequest()
    {
        var fastest = Finder.Shortest(new PathRequest(SourceId, TargetId) { Metric = PathMetric.Latency });
        double bound = fastest.Found ? fastest.Path.Cost * 1.10 : double.PositiveInfinity;
        return new PathRequest(SourceId, TargetId) { Metric = PathMetric.Hops, Constraints = new PathConstraints { MaxLatencyMs = bound } };
    }

    private static NetworkTopology CollapseParallelLinks(NetworkTopology t)
    {
        var builder = new TopologyBuilder(t.Name) { Attribution = t.Attribution, SourceFile = t.SourceFile, SourceFormat = t.SourceFormat };
        foreach (var node in t.Nodes)
        {
            builder.AddNode(node);
        }

        foreach (var group in t.Links.GroupBy(l => string.CompareOrdinal(l.A.Node, l.B.Node) <= 0 ? (l.A.Node, l.B.Node) : (l.B.Node, l.A.Node)))
        {
            builder.AddLink(group.OrderBy(l => l.LengthKm ?? double.PositiveInfinity).First());
        }

        return builder.Build();
    }

    private static (int, int) FarApart(NetworkTopology t, double[] weight)
    {
        int Farthest(int from)
        {
            var hops = new int[t.Nodes.Length];
            Array.Fill(hops, -1);
            hops[from] = 0;
            var queue = new Queue<int>([from]);
            int last = from;
            while (queue.TryDequeue(out int u))
            {
                last = u;
                foreach (int e in t.LinkIndexesAt(u))
                {
                    if (double.IsNaN(weight[e]))
                    {
                        continue;
                    }

                    var link = t.Links[e];
                    int v = t.IndexOfNode(link.A.Node) == u ? t.IndexOfNode(link.B.Node) : t.IndexOfNode(link.A.Node);
                    if (hops[v] < 0)
                    {
                        hops[v] = hops[u] + 1;
                        queue.Enqueue(v);
                    }
                }
            }

            return last;
        }

        int start = Enumerable.Range(0, t.Nodes.Length).First(v => t.LinkIndexesAt(v).Any(e => !double.IsNaN(weight[e])));
        int a = Farthest(start);
        return (a, Farthest(a));
    }
}
