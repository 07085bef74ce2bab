using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Graph.Tests.Paths.Support;

/// <summary>Small hand-made or random topologies for path tests.</summary>
internal sealed class TestNetwork
{
    private readonly TopologyBuilder _builder = new("test");
    private readonly HashSet<string> _nodes = [];
    private int _links;

    public TestNetwork Node(string id, NodeKind kind = NodeKind.Site, IEnumerable<Port>? ports = null, IEnumerable<string>? srlgs = null)
    {
        _nodes.Add(id);
        _builder.AddNode(new Node { Id = id, Kind = kind, Ports = [.. ports ?? []], Srlgs = [.. srlgs ?? []] });
        return this;
    }

    public TestNetwork Link(
        string a,
        string b,
        double km,
        string[]? srlgs = null,
        string? id = null,
        double? gbps = null,
        string? portA = null,
        string? portB = null,
        double? latencyMs = null,
        AdminState admin = AdminState.Up)
    {
        foreach (var n in new[] { a, b }.Where(n => !_nodes.Contains(n)))
        {
            Node(n);
        }

        _builder.AddLink(new Link
        {
            Id = id ?? $"L{_links}",
            A = new LinkEndpoint(a, portA),
            B = new LinkEndpoint(b, portB),
            LengthKm = km,
            SpecifiedLatencyMs = latencyMs,
            Capacity = gbps is { } g ? DataRate.FromGbps(g) : null,
            Srlgs = [.. srlgs ?? []],
            Admin = admin,
        });
        _links++;
        return this;
    }

    public NetworkTopology Build() => _builder.Build();

    /// <summary>
    /// A random connected multigraph: n nodes "n0".., a spanning tree plus extra links (parallel links
    /// allowed), integer lengths 1..20 (so ties happen), 0-2 SRLGs per link from a pool of three, and
    /// latencies that are not proportional to lengths (so latency bounds and km costs disagree).
    /// </summary>
    public static NetworkTopology Random(Random random, int n, int extraLinks, bool withSrlgs = true)
    {
        var net = new TestNetwork();
        for (int i = 0; i < n; i++)
        {
            net.Node($"n{i}");
        }

        for (int i = 1; i < n; i++)
        {
            net.RandomLink(random, $"n{random.Next(i)}", $"n{i}", withSrlgs);
        }

        for (int k = 0; k < extraLinks; k++)
        {
            int a = random.Next(n);
            int b = random.Next(n - 1);
            if (b >= a)
            {
                b++;
            }

            net.RandomLink(random, $"n{a}", $"n{b}", withSrlgs);
        }

        return net.Build();
    }

    private void RandomLink(Random random, string a, string b, bool withSrlgs)
    {
        string[] pool = ["s0", "s1", "s2"];
        var srlgs = withSrlgs ? pool.Where(_ => random.NextDouble() < 0.3).ToArray() : [];
        Link(a, b, km: random.Next(1, 21), srlgs: srlgs, gbps: random.Next(1, 5) * 10, latencyMs: random.Next(1, 11));
    }

    public static ImmutableHashSet<string> Set(params string[] items) => [.. items];
}
