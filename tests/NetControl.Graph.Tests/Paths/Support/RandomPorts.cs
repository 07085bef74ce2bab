using NetControl.Core.Topology;

namespace NetControl.Graph.Tests.Paths.Support;

/// <summary>
/// A random connected multigraph (as <see cref="TestNetwork.Random"/>, some links administratively down) whose nodes
/// are photonic switches (a Glimmerglass-style input/output pair per link end; the link names the input or the output),
/// hosts (one bidirectional port per link end) or plain sites (links name no port). A few ports are administratively
/// down and some are busy; <see cref="EndOk"/> restates which of them a crossing needs.
/// </summary>
internal sealed class RandomPorts
{
    private RandomPorts(NetworkTopology topology, HashSet<PortRef> busy)
    {
        Topology = topology;
        Busy = busy;
    }

    public NetworkTopology Topology { get; }

    /// <summary>Ports already in use (only meaningful when a request passes them as its port availability).</summary>
    public HashSet<PortRef> Busy { get; }

    public static RandomPorts Create(Random random, int n, int extraLinks)
    {
        var ends = new List<(int A, int B)>();
        for (int i = 1; i < n; i++)
        {
            ends.Add((random.Next(i), i));
        }

        for (int k = 0; k < extraLinks; k++)
        {
            int a = random.Next(n);
            int b = random.Next(n - 1);
            ends.Add((a, b >= a ? b + 1 : b));
        }

        var kinds = Enumerable.Range(0, n).Select(_ => random.Next(4) switch { 0 or 1 => NodeKind.OpticalSwitch, 2 => NodeKind.Host, _ => NodeKind.Site }).ToArray();
        var ports = Enumerable.Range(0, n).Select(_ => new List<Port>()).ToArray();
        var busy = new HashSet<PortRef>();
        string? Attach(int v)
        {
            int k = ports[v].Count;
            string? named = kinds[v] switch
            {
                NodeKind.OpticalSwitch => AddPair(random, ports[v], k),
                NodeKind.Host => Add(random, ports[v], new Port($"p{k}")),
                _ => null,
            };
            busy.UnionWith(ports[v].Skip(k).Where(_ => random.NextDouble() < 0.1).Select(p => new PortRef($"n{v}", p.Name)));
            return named;
        }

        var linkPorts = ends.Select(e => (A: Attach(e.A), B: Attach(e.B))).ToList();
        var net = new TestNetwork();
        for (int v = 0; v < n; v++)
        {
            net.Node($"n{v}", kinds[v], ports[v]);
        }

        string[] pool = ["s0", "s1", "s2"];
        for (int i = 0; i < ends.Count; i++)
        {
            net.Link(
                $"n{ends[i].A}",
                $"n{ends[i].B}",
                km: random.Next(1, 21),
                srlgs: pool.Where(_ => random.NextDouble() < 0.3).ToArray(),
                gbps: random.Next(1, 5) * 10,
                portA: linkPorts[i].A,
                portB: linkPorts[i].B,
                latencyMs: random.Next(1, 11),
                admin: random.NextDouble() < 0.04 ? AdminState.Down : AdminState.Up);
        }

        return new RandomPorts(net.Build(), busy);
    }

    /// <summary>
    /// Whether the ports at one end of a crossing are usable (administratively up and not busy): duplex needs the
    /// named port and its pair; simplex only the side the signal uses there (<paramref name="side"/>: output where it
    /// leaves, input where it arrives), which is the named port if bidirectional or of that direction, else its pair.
    /// </summary>
    public bool EndOk(LinkEndpoint end, PortDirection side, bool duplex, HashSet<PortRef> busy)
    {
        if (end.Port is null)
        {
            return true;
        }

        var node = Topology.GetNode(end.Node);
        var port = node.FindPort(end.Port)!;
        var pair = port.Pair is null ? null : node.FindPort(port.Pair)!;
        bool Usable(Port p) => p.Admin == AdminState.Up && !busy.Contains(new PortRef(end.Node, p.Name));
        if (duplex)
        {
            return Usable(port) && (pair is null || Usable(pair));
        }

        return Usable(port.Direction == PortDirection.Bidirectional || port.Direction == side || pair is null ? port : pair);
    }

    /// <summary>Adds an input/output pair; the link names either half.</summary>
    private static string AddPair(Random random, List<Port> ports, int k)
    {
        string input = Add(random, ports, new Port($"i{k}", PortDirection.Input, $"o{k}"));
        string output = Add(random, ports, new Port($"o{k}", PortDirection.Output, $"i{k}"));
        return random.NextDouble() < 0.6 ? input : output;
    }

    private static string Add(Random random, List<Port> ports, Port port)
    {
        ports.Add(random.NextDouble() < 0.04 ? port with { Admin = AdminState.Down } : port);
        return port.Name;
    }
}
