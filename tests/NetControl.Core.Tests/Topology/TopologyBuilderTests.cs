using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

/// <summary>Every validation rule of <see cref="TopologyBuilder.Build"/>, and that all problems are reported together.</summary>
public class TopologyBuilderTests
{
    private static readonly SourceLocation At = new("net.yaml", 7, 3);

    private static TopologyBuilder Two() => new TopologyBuilder("t")
        .AddNode(new Node { Id = "A", Ports = [new Port("p1"), new Port("rx", PortDirection.Input, "tx"), new Port("tx", PortDirection.Output, "rx"), new Port("in", PortDirection.Input)] })
        .AddNode(new Node { Id = "B", Ports = [new Port("p1")] });

    private static TopologyError Single(TopologyBuilder builder)
    {
        var e = Assert.Throws<TopologyException>(builder.Build);
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void Build_ValidTopology_KeepsEverythingInOrder()
    {
        var t = Sample.Topology();
        Assert.Equal("sample", t.Name);
        Assert.Equal("test ring", t.Description);
        Assert.Equal("tests", t.Attribution);
        Assert.Equal("sample.yaml", t.SourceFile);
        Assert.Equal("yaml", t.SourceFormat);
        Assert.Equal(new[] { "GVA", "GG", "NYC", "CHI", "AMS" }, t.Nodes.Select(n => n.Id));
        Assert.Equal(new[] { "gg-nyc", "nyc-chi", "chi-ams", "ams-gg", "gva-nyc" }, t.Links.Select(l => l.Id));
        Assert.Equal(new[] { new Srlg("atlantic", "transatlantic cable") }, t.Srlgs);
        Assert.Equal(2, t.Demands.Length);
    }

    [Fact]
    public void Build_ReferencedSrlgsWithoutDeclaration_AreCreated()
    {
        var t = Two().AddLink(new Link { Id = "l", A = new("A"), B = new("B"), Srlgs = ["cable"] }).Build();
        Assert.Equal(new[] { new Srlg("cable") }, t.Srlgs);
    }

    [Fact]
    public void Build_EmptyNodeId_IsAnError()
    {
        Assert.Equal("net.yaml:7:3: node has an empty id", Single(new TopologyBuilder("t").AddNode(new Node { Id = " " }, At)).ToString());
    }

    [Fact]
    public void Build_DuplicateNodeId_IsAnError()
    {
        Assert.Equal("duplicate node id 'A'", Single(Two().AddNode(new Node { Id = "A" })).Message);
    }

    [Fact]
    public void Build_SiteThatIsNotASiteNode_IsAnError()
    {
        var error = Single(Two().AddNode(new Node { Id = "R", Kind = NodeKind.Router }).AddNode(new Node { Id = "H", Site = "R" }));
        Assert.Equal("node 'H': site 'R' is not a node of kind site", error.Message);
        Assert.Equal("node 'X': site 'nowhere' is not a node of kind site", Single(Two().AddNode(new Node { Id = "X", Site = "nowhere" })).Message);
    }

    [Theory]
    [InlineData("", "node 'N': a port has an empty name")]
    [InlineData("p", "node 'N': duplicate port 'p'")]
    public void Build_BadPortNames_AreErrors(string second, string message)
    {
        Assert.Equal(message, Single(new TopologyBuilder("t").AddNode(new Node { Id = "N", Ports = [new Port("p"), new Port(second)] })).Message);
    }

    [Fact]
    public void Build_PairWithUnknownPort_IsAnError()
    {
        Assert.Equal("node 'N': port 'rx' pairs with unknown port 'tx'", Single(new TopologyBuilder("t").AddNode(new Node { Id = "N", Ports = [new Port("rx", PortDirection.Input, "tx")] })).Message);
    }

    [Fact]
    public void Build_PairThatDoesNotPairBack_IsAnError()
    {
        var node = new Node { Id = "N", Ports = [new Port("rx", PortDirection.Input, "tx"), new Port("tx", PortDirection.Output)] };
        Assert.Equal("node 'N': port 'rx' pairs with 'tx', but 'tx' does not pair back", Single(new TopologyBuilder("t").AddNode(node)).Message);
    }

    [Fact]
    public void Build_PairOfSameDirection_IsAnErrorForBoth()
    {
        var node = new Node { Id = "N", Ports = [new Port("a", PortDirection.Output, "b"), new Port("b", PortDirection.Output, "a")] };
        var e = Assert.Throws<TopologyException>(new TopologyBuilder("t").AddNode(node).Build);
        Assert.Equal(new[] { "node 'N': paired ports 'a' and 'b' must be one input and one output", "node 'N': paired ports 'b' and 'a' must be one input and one output" }, e.Errors.Select(x => x.Message));
    }

    [Fact]
    public void Build_EmptyAndDuplicateSrlgs_AreErrors()
    {
        var e = Assert.Throws<TopologyException>(Two().AddSrlg(new Srlg("")).AddSrlg(new Srlg("s")).AddSrlg(new Srlg("s")).Build);
        Assert.Equal(new[] { "SRLG has an empty id", "duplicate SRLG 's'" }, e.Errors.Select(x => x.Message));
    }

    [Fact]
    public void Build_RequireDeclaredSrlgs_RejectsUndeclaredOnNodesAndLinks()
    {
        var b = Two();
        b.RequireDeclaredSrlgs = true;
        b.AddSrlg(new Srlg("known"));
        b.AddNode(new Node { Id = "C", Srlgs = ["b513"] });
        b.AddLink(new Link { Id = "l", A = new("A"), B = new("B"), Srlgs = ["known", "cable"] });
        var e = Assert.Throws<TopologyException>(b.Build);
        Assert.Equal(new[] { "node 'C': unknown SRLG 'b513' (declare it under srlgs)", "link 'l': unknown SRLG 'cable' (declare it under srlgs)" }, e.Errors.Select(x => x.Message));
    }

    [Fact]
    public void Build_EmptyAndDuplicateLinkIds_AreErrors()
    {
        var e = Assert.Throws<TopologyException>(Two().AddLink(new Link { Id = "", A = new("A"), B = new("B") }).AddLink(new Link { Id = "l", A = new("A"), B = new("B") }).AddLink(new Link { Id = "l", A = new("B"), B = new("A") }).Build);
        Assert.Equal(new[] { "link has an empty id", "duplicate link id 'l'" }, e.Errors.Select(x => x.Message));
    }

    [Fact]
    public void Build_SelfLoop_IsAnError()
    {
        Assert.Equal("link 'l' connects node 'A' to itself", Single(Two().AddLink(new Link { Id = "l", A = new("A"), B = new("A") })).Message);
    }

    [Fact]
    public void Build_UnknownNodeAndPort_AreErrors()
    {
        Assert.Equal("link 'l': unknown node 'Z'", Single(Two().AddLink(new Link { Id = "l", A = new("A"), B = new("Z") })).Message);
        Assert.Equal("link 'l': node 'B' has no port 'p9'", Single(Two().AddLink(new Link { Id = "l", A = new("A"), B = new("B", "p9") })).Message);
    }

    [Fact]
    public void Build_SimplexPortWithoutPair_CannotCarryALink()
    {
        Assert.Equal(
            "link 'l': port 'A:in' is a simplex input with no pair; a link needs a duplex port or an input/output pair",
            Single(Two().AddLink(new Link { Id = "l", A = new("A", "in"), B = new("B") })).Message);
    }

    [Fact]
    public void Build_PortUsedTwice_IsAnError()
    {
        var error = Single(Two().AddLink(new Link { Id = "l1", A = new("A", "p1"), B = new("B") }).AddLink(new Link { Id = "l2", A = new("A", "p1"), B = new("B", "p1") }, At));
        Assert.Equal("net.yaml:7:3: link 'l2': port 'A:p1' is already used by link 'l1'", error.ToString());
    }

    [Fact]
    public void Build_EitherPortOfAPair_TakesTheWholePair()
    {
        var e = Assert.Throws<TopologyException>(Two().AddLink(new Link { Id = "l1", A = new("A", "rx"), B = new("B") }).AddLink(new Link { Id = "l2", A = new("A", "tx"), B = new("B", "p1") }).Build);
        Assert.Equal(new[] { "link 'l2': port 'A:tx' is already used by link 'l1'", "link 'l2': port 'A:rx' is already used by link 'l1'" }, e.Errors.Select(x => x.Message));
    }

    [Theory]
    [InlineData(-1.0, null, "link 'l': length -1 km is not a finite, non-negative number")]
    [InlineData(double.NaN, null, "link 'l': length NaN km is not a finite, non-negative number")]
    [InlineData(null, -0.5, "link 'l': latency -0.5 ms is not a finite, non-negative number")]
    [InlineData(null, double.PositiveInfinity, "link 'l': latency Infinity ms is not a finite, non-negative number")]
    public void Build_BadLengthOrLatency_IsAnError(double? km, double? ms, string message)
    {
        Assert.Equal(message, Single(Two().AddLink(new Link { Id = "l", A = new("A"), B = new("B"), LengthKm = km, SpecifiedLatencyMs = ms })).Message);
    }

    [Fact]
    public void Build_EmptySrlgOnLink_IsAnError()
    {
        Assert.Equal("link 'l': empty SRLG id", Single(Two().AddLink(new Link { Id = "l", A = new("A"), B = new("B"), Srlgs = [""] })).Message);
    }

    [Fact]
    public void Build_BadDemands_AreErrors()
    {
        var e = Assert.Throws<TopologyException>(Two().AddDemand(new Demand("d1", "A", "Z", 1)).AddDemand(new Demand("d2", "A", "B", -1)).AddDemand(new Demand("d3", "A", "B", double.NaN)).Build);
        Assert.Equal(
            new[] { "demand 'd1': unknown node 'Z'", "demand 'd2': value -1 is not a finite, non-negative number", "demand 'd3': value NaN is not a finite, non-negative number" },
            e.Errors.Select(x => x.Message));
    }

    [Fact]
    public void Build_LoaderErrorsAndValidationErrors_AreAllReportedLoaderFirst()
    {
        var b = Two();
        b.Error(new SourceLocation("net.yaml", 2), "bad key");
        b.AddNode(new Node { Id = "A" }, At);
        Assert.True(b.HasErrors);
        Assert.Single(b.Errors);
        var e = Assert.Throws<TopologyException>(b.Build);
        Assert.Equal(new[] { "bad key", "duplicate node id 'A'" }, e.Errors.Select(x => x.Message));
        Assert.Equal("net.yaml:2: bad key (and 1 more error)", e.Message);
    }

    [Fact]
    public void ContainsNodeAndNodeCount_TrackAddedNodes()
    {
        var b = Two();
        Assert.True(b.ContainsNode("A"));
        Assert.False(b.ContainsNode("Z"));
        Assert.Equal(2, b.NodeCount);
        Assert.False(b.HasErrors);
    }
}
