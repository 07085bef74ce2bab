using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Orchestration.Overlay;
using NetControl.Tests.Shared;

namespace NetControl.Orchestration.Tests.Overlay;

public sealed class ReflectorOverlayTests
{
    private static readonly Lazy<NetworkTopology> Evo = new(() => TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "evo-reflectors.yaml")));

    [Fact]
    public void Current_EvoReflectors_SpansEveryReflectorWithinTheDegreeLimit()
    {
        var overlay = new ReflectorOverlay(Evo.Value);

        var tree = overlay.Current;
        Assert.Equal(24, tree.Reflectors);
        Assert.Equal(23, tree.Edges.Length);
        var degree = tree.Edges.SelectMany(e => new[] { e.A, e.B }).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(24, degree.Count);
        Assert.All(degree.Values, d => Assert.InRange(d, 1, 4));
        Assert.True(double.IsFinite(tree.Cost));
        Assert.Equal(tree.Edges.Sum(e => e.Cost), tree.Cost, 6);
    }

    [Fact]
    public void Observe_TreeLinkDown_MovesAtOnceAndReportsTheChange()
    {
        var overlay = new ReflectorOverlay(Evo.Value);
        var events = new List<OverlayTreeChanged>();
        overlay.TreeChanged += events.Add;
        var victim = overlay.Current.Edges[0];

        Assert.True(overlay.Observe(victim.LinkId, new OverlayMeasurement(null, 1.0, null, Down: false, "agent-a")));

        var change = Assert.Single(events);
        Assert.Contains(victim, change.Removed, EdgeByLink.Instance);
        Assert.DoesNotContain(overlay.Current.Edges, e => e.LinkId == victim.LinkId);
        Assert.Equal(23, overlay.Current.Edges.Length);
        Assert.Equal(change.Previous.Version + 1, change.Current.Version);
        Assert.Contains(victim.LinkId, change.Cause);
        Assert.Contains("infinite", change.Cause);
        Assert.NotEmpty(change.Added);
        Assert.Same(change, Assert.Single(overlay.RecentChanges));
    }

    [Fact]
    public void RecentChanges_MoreMovesThanKept_KeepsTheNewestInOrder()
    {
        var overlay = new ReflectorOverlay(Evo.Value, new ReflectorOverlayOptions { ChangeHistory = 3 });
        var events = new List<OverlayTreeChanged>();
        overlay.TreeChanged += events.Add;

        for (int i = 0; i < 5; i++)
        {
            overlay.Observe(overlay.Current.Edges[0].LinkId, new OverlayMeasurement(null, 1.0, null, Down: true, "agent-a"));
        }

        Assert.Equal(5, events.Count);
        Assert.Equal(events.Skip(2), overlay.RecentChanges);
    }

    [Fact]
    public void Observe_SmallChangesOffTheTree_KeepTheTree()
    {
        var overlay = new ReflectorOverlay(Evo.Value);
        var events = new List<OverlayTreeChanged>();
        overlay.TreeChanged += events.Add;
        var inTree = overlay.Current.Edges.Select(e => e.LinkId).ToHashSet();
        var before = overlay.Current;

        // Every link measured at its expected RTT plus a little jitter: nothing is 20% cheaper.
        foreach (var link in Evo.Value.Links)
        {
            double rtt = 2 * (link.LatencyMs ?? 0);
            overlay.Observe(link.Id, new OverlayMeasurement(rtt * 1.02, 0, 0.05, false, "agents"));
        }

        Assert.Empty(events);
        Assert.Same(before, overlay.Current);
        Assert.Equal(inTree, overlay.Current.Edges.Select(e => e.LinkId).ToHashSet());
    }

    [Fact]
    public void Observe_OffTreeLinkMuchCheaper_SwitchesPastTheHysteresis()
    {
        var overlay = new ReflectorOverlay(Evo.Value);
        var events = new List<OverlayTreeChanged>();
        overlay.TreeChanged += events.Add;
        var inTree = overlay.Current.Edges.Select(e => e.LinkId).ToHashSet();

        // The longest tree link gets 10x dearer (heavy loss): the tree must route around it once that saves 20%.
        var worst = overlay.Current.Edges.MaxBy(e => e.Cost)!;
        overlay.Observe(worst.LinkId, new OverlayMeasurement(worst.Cost, 0.5, 20, false, "agent"));

        Assert.Single(events);
        Assert.DoesNotContain(overlay.Current.Edges, e => e.LinkId == worst.LinkId);
        Assert.True(overlay.Current.Cost < events[0].Previous.Cost * 10);
        Assert.NotEqual(inTree, overlay.Current.Edges.Select(e => e.LinkId).ToHashSet());
    }

    [Fact]
    public void Observe_UnknownLinkOrBadNumbers_ChangesNothing()
    {
        var overlay = new ReflectorOverlay(Evo.Value);
        var events = new List<OverlayTreeChanged>();
        overlay.TreeChanged += events.Add;
        var offTree = Evo.Value.Links.First(l => !overlay.Current.Edges.Any(e => e.LinkId == l.Id));

        Assert.False(overlay.Observe("no-such-link", new OverlayMeasurement(1, 0, 0, false, "x")));
        Assert.True(overlay.Observe(offTree.Id, new OverlayMeasurement(double.NaN, 0, 0, false, "x")));

        Assert.Empty(events);
        Assert.True(double.IsPositiveInfinity(overlay.CostOf(offTree.Id)));
        Assert.Throws<ArgumentException>(() => overlay.CostOf("no-such-link"));
    }

    [Fact]
    public void Constructor_FewerThanTwoReflectors_Throws()
    {
        var topology = TopologyFile.Parse("name: one\nnodes:\n  - { id: r1, kind: reflector }\n", "one.yaml");

        var error = Assert.Throws<ArgumentException>(() => new ReflectorOverlay(topology));

        Assert.Contains("1 reflector node(s)", error.Message);
    }

    [Fact]
    public void Topology_EvoReflectors_LinkLengthsFollowGeography()
    {
        var topology = Evo.Value;
        Assert.Equal(24 * 23 / 2, topology.Links.Length);
        foreach (var link in topology.Links)
        {
            var a = topology.GetNode(link.A.Node).Location!.Value;
            var b = topology.GetNode(link.B.Node).Location!.Value;
            double km = Math.Max(1, Math.Round(GreatCircleKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude) * 1.25));
            Assert.InRange(link.LengthKm!.Value, km - 1, km + 1);
        }
    }

    private static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        double h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
    }

    private sealed class EdgeByLink : IEqualityComparer<OverlayEdge>
    {
        public static EdgeByLink Instance { get; } = new();

        public bool Equals(OverlayEdge? x, OverlayEdge? y) => x?.LinkId == y?.LinkId;

        public int GetHashCode(OverlayEdge obj) => obj.LinkId.GetHashCode(StringComparison.Ordinal);
    }
}
