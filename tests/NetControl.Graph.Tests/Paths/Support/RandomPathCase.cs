using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Graph.Paths;
using static NetControl.Graph.Tests.Paths.Support.BruteForcePaths;

namespace NetControl.Graph.Tests.Paths.Support;

/// <summary>
/// A seeded random path request on a small multigraph with every constraint family drawn at random: excluded
/// nodes, links and SRLGs, links down, degraded (and avoided) or administratively down, free capacity (from the
/// link or a reservation function), a latency bound, busy and disabled ports at photonic switches (duplex or
/// simplex), and a custom weight that leaves some links without a value (NaN). The oracle restates the documented
/// semantics independently of the engine and enumerates every simple path that satisfies them.
/// </summary>
internal sealed class RandomPathCase
{
    private readonly RandomPorts _ports;
    private readonly HashSet<string> _excludedNodes;
    private readonly HashSet<string> _excludedLinks;
    private readonly HashSet<string> _excludedSrlgs;
    private readonly Dictionary<string, double> _custom;
    private readonly Dictionary<string, DataRate?> _free;

    private RandomPathCase(Random random, PathMetric metric, bool sparse)
    {
        int n = random.Next(sparse ? 4 : 3, 8);
        _ports = RandomPorts.Create(random, n, sparse ? random.Next(2, 9) : random.Next(0, 8));
        Topology = _ports.Topology;
        From = "n0";
        To = $"n{n - 1}";
        double rare = sparse ? 0.5 : 1;
        State = LinkStateOverlay.For(Topology);
        foreach (var link in Topology.Links)
        {
            double roll = random.NextDouble();
            if (roll < 0.06 * rare || roll > 1 - (0.12 * rare))
            {
                var condition = roll < 0.5 ? LinkCondition.Down : LinkCondition.Degraded;
                State = State.With(link.Id, condition, "random", DateTimeOffset.UnixEpoch);
            }
        }

        _excludedNodes = Topology.Nodes.Select(v => v.Id).Where(id => id != From && id != To && random.NextDouble() < 0.12 * rare).ToHashSet();
        _excludedLinks = Topology.Links.Select(l => l.Id).Where(_ => random.NextDouble() < 0.08 * rare).ToHashSet();
        _excludedSrlgs = Topology.Srlgs.Select(s => s.Id).Where(_ => random.NextDouble() < 0.15 * rare).ToHashSet();
        _custom = Topology.Links.ToDictionary(l => l.Id, _ => RandomWeight(random, rare));
        _free = Topology.Links.ToDictionary(l => l.Id, l => random.NextDouble() < 0.1 * rare ? null : l.Capacity - DataRate.FromGbps(10 * random.Next(0, 3)));
        DataRate? minCapacity = random.NextDouble() < 0.3 * rare ? DataRate.FromGbps(random.Next(1, 4) * 10) : null;
        bool reservations = random.NextDouble() < 0.5;
        Request = new PathRequest(From, To)
        {
            Metric = metric,
            CustomWeight = metric == PathMetric.Custom ? l => _custom[l.Id] : null,
            Constraints = new PathConstraints
            {
                ExcludeNodes = [.. _excludedNodes],
                ExcludeLinks = [.. _excludedLinks],
                ExcludeSrlgs = [.. _excludedSrlgs],
                MinFreeCapacity = minCapacity,
                FreeCapacity = reservations ? l => _free[l.Id] : null,
                MaxLatencyMs = random.NextDouble() < 0.4 ? random.Next(3, 25) : null,
                Ports = random.NextDouble() < 0.75 ? PortAvailability.AllExcept(_ports.Busy) : null,
                Duplex = random.NextDouble() < 0.5,
                AvoidDegraded = random.NextDouble() < 0.5,
            },
        };
    }

    public NetworkTopology Topology { get; }

    public LinkStateOverlay State { get; }

    public PathRequest Request { get; }

    public string From { get; }

    public string To { get; }

    /// <param name="sparse">Fewer restrictions and more links, so that disjoint pairs are often feasible.</param>
    public static RandomPathCase Create(Random random, PathMetric metric, bool sparse = false) => new(random, metric, sparse);

    public NetworkGraph Graph() => NetworkGraph.Build(Topology, State);

    /// <summary>Every simple path the request allows, by brute force.</summary>
    public List<SimplePath> FeasiblePaths()
    {
        double max = Request.Constraints.MaxLatencyMs ?? double.PositiveInfinity;
        return All(Topology, From, To, LinkOk, v => !_excludedNodes.Contains(v), HopOk)
            .Where(p => p.LatencyMs <= max + 1e-9)
            .ToList();
    }

    /// <summary>The cost of a path in the request's metric.</summary>
    public double Cost(SimplePath p) => Request.Metric switch
    {
        PathMetric.Km => p.Km,
        PathMetric.Latency => p.LatencyMs,
        PathMetric.Hops => p.Hops,
        _ => p.Links.Sum(l => _custom[l.Id]),
    };

    /// <summary>Links whose custom weight is NaN (unusable under <see cref="PathMetric.Custom"/>).</summary>
    public IEnumerable<string> LinksWithoutCustomWeight => _custom.Where(kv => double.IsNaN(kv.Value)).Select(kv => kv.Key);

    /// <summary>Whether the link itself is usable, whichever way it is crossed.</summary>
    public bool LinkOk(Link l)
    {
        var c = Request.Constraints;
        var condition = State.Get(l.Id).Condition;
        var free = c.FreeCapacity is null ? l.Capacity : _free[l.Id];
        return !_excludedLinks.Contains(l.Id)
            && !l.Srlgs.Any(_excludedSrlgs.Contains)
            && l.Admin == AdminState.Up
            && condition != LinkCondition.Down
            && !(condition == LinkCondition.Degraded && c.AvoidDegraded)
            && (c.MinFreeCapacity is not { } min || (free is { } f && f >= min))
            && !(Request.Metric == PathMetric.Custom && double.IsNaN(_custom[l.Id]));
    }

    /// <summary>Whether the ports crossing <paramref name="l"/> from <paramref name="node"/> need are up and free.</summary>
    public bool HopOk(Link l, string node)
    {
        var c = Request.Constraints;
        var busy = c.Ports is null ? [] : _ports.Busy;
        return _ports.EndOk(l.EndAt(node), PortDirection.Output, c.Duplex, busy)
            && _ports.EndOk(l.OtherEnd(node), PortDirection.Input, c.Duplex, busy);
    }

    /// <summary>NaN (unusable) sometimes, zero sometimes (ties and zero-cost loops), otherwise whole or eighth values (exact sums).</summary>
    private static double RandomWeight(Random random, double rare)
    {
        double roll = random.NextDouble();
        return roll < 0.1 * rare ? double.NaN
            : roll < 0.25 ? 0
            : roll < 0.5 ? random.Next(1, 160) / 8.0
            : random.Next(1, 21);
    }
}
