using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class NetworkTopologyTests
{
    private readonly NetworkTopology _t = Sample.Topology();

    [Fact]
    public void Lookups_ById_FindNodesLinksAndSrlgs()
    {
        Assert.Equal(2, _t.IndexOfNode("NYC"));
        Assert.Equal(1, _t.IndexOfLink("nyc-chi"));
        Assert.Equal("Chicago", _t.GetNode("CHI").Label);
        Assert.Equal(1150, _t.GetLink("nyc-chi").LengthKm);
        Assert.Equal("transatlantic cable", _t.GetSrlg("atlantic").Description);
        Assert.True(_t.ContainsNode("GG"));
        Assert.True(_t.ContainsLink("gg-nyc"));
        Assert.True(_t.ContainsSrlg("atlantic"));
        Assert.False(_t.ContainsNode("gg"));
        Assert.True(_t.TryGetNode("AMS", out var ams));
        Assert.Equal("AMS", ams.Id);
        Assert.False(_t.TryGetLink("nope", out _));
        Assert.True(_t.TryGetLink("ams-gg", out var link));
        Assert.Equal(AdminState.Down, link.Admin);
    }

    [Fact]
    public void IndexOfPort_EveryPort_DenseAndDistinctUnknownMinusOne()
    {
        var indexes = _t.Nodes.SelectMany(n => n.Ports.Select(p => _t.IndexOfPort(new PortRef(n.Id, p.Name)))).ToList();

        Assert.Equal(_t.PortCount, indexes.Count);
        Assert.Equal(Enumerable.Range(0, _t.PortCount), indexes.Order());
        Assert.Equal(-1, _t.IndexOfPort(new PortRef("nope", "p1")));
        var named = _t.Nodes.First(n => n.Ports.Length > 0);
        Assert.Equal(-1, _t.IndexOfPort(new PortRef(named.Id, "no-such-port")));
    }

    [Fact]
    public void IndexOfPort_NodeWithManyPorts_SameAsByPosition()
    {
        var b = new TopologyBuilder("wide");
        b.AddNode(new Node { Id = "small", Kind = NodeKind.OpticalSwitch, Ports = [new Port("a"), new Port("b")] });
        b.AddNode(new Node { Id = "big", Kind = NodeKind.OpticalSwitch, Ports = [.. Enumerable.Range(0, 40).Select(i => new Port($"p{i}"))] });
        var t = b.Build();

        Assert.Equal(1, t.IndexOfPort(new PortRef("small", "b")));
        Assert.Equal(2 + 37, t.IndexOfPort(new PortRef("big", "p37")));
        Assert.Equal(-1, t.IndexOfPort(new PortRef("big", "p40")));
        Assert.Equal(42, t.PortCount);
    }

    [Fact]
    public void Lookups_UnknownIds_ThrowTopologyException()
    {
        Assert.Equal("unknown node 'X' in topology 'sample'", Assert.Throws<TopologyException>(() => _t.GetNode("X")).Message);
        Assert.Equal("unknown link 'X' in topology 'sample'", Assert.Throws<TopologyException>(() => _t.GetLink("X")).Message);
        Assert.Equal("unknown SRLG 'X' in topology 'sample'", Assert.Throws<TopologyException>(() => _t.GetSrlg("X")).Message);
        Assert.Throws<TopologyException>(() => _t.LinksAt("X").ToList());
    }

    [Fact]
    public void LinksAt_ListsEveryLinkTouchingTheNode()
    {
        Assert.Equal(new[] { "gg-nyc", "nyc-chi", "gva-nyc" }, _t.LinksAt("NYC").Select(l => l.Id));
        Assert.Equal(new[] { 0, 3 }, _t.LinkIndexesAt(_t.IndexOfNode("GG")));
        Assert.Empty(new TopologyBuilder("x").AddNode(new Node { Id = "lonely" }).Build().LinksAt("lonely"));
    }

    [Theory]
    [InlineData("NYC", "NYC")]
    [InlineData("Chicago", "CHI")]
    [InlineData("CHICAGO", "CHI")]
    [InlineData("Amsterdam", "AMS")]
    public void ResolveNode_ByIdOrUniqueLabel_FindsTheNode(string text, string id)
    {
        Assert.Equal(id, _t.ResolveNode(text).Id);
    }

    [Fact]
    public void ResolveNode_IdWinsOverAnotherNodesLabel()
    {
        var t = new TopologyBuilder("t").AddNode(new Node { Id = "0", Label = "1" }).AddNode(new Node { Id = "1", Label = "x" }).Build();
        Assert.Equal("1", t.ResolveNode("1").Id);
    }

    [Fact]
    public void ResolveNode_UnknownOrAmbiguous_SaysWhy()
    {
        var t = new TopologyBuilder("zoo").AddNode(new Node { Id = "0", Label = "None" }).AddNode(new Node { Id = "1", Label = "none" }).Build();
        Assert.Equal("label 'None' is ambiguous in topology 'zoo': nodes 0, 1; use the id", Assert.Throws<TopologyException>(() => t.ResolveNode("None")).Message);
        Assert.Equal("no node 'Paris' in topology 'zoo' (neither an id nor a label)", Assert.Throws<TopologyException>(() => t.ResolveNode("Paris")).Message);
    }

    [Fact]
    public void InducedSubgraph_KeepsNodesLinksDemandsAndSrlgsAmongThem()
    {
        var sub = _t.InducedSubgraph(n => n.Id != "AMS", "no-ams");
        Assert.Equal("no-ams", sub.Name);
        Assert.Equal("test ring", sub.Description);
        Assert.Equal(new[] { "GVA", "GG", "NYC", "CHI" }, sub.Nodes.Select(n => n.Id));
        Assert.Equal(new[] { "gg-nyc", "nyc-chi", "gva-nyc" }, sub.Links.Select(l => l.Id));
        Assert.Equal(new[] { "d1" }, sub.Demands.Select(d => d.Id));
        Assert.Equal(new[] { "atlantic" }, sub.Srlgs.Select(s => s.Id));
        Assert.Equal(new[] { 0, 1, 2 }, sub.LinkIndexesAt(sub.IndexOfNode("NYC")));
        Assert.Equal(new[] { "gg-nyc", "nyc-chi", "gva-nyc" }, sub.LinksAt("NYC").Select(l => l.Id));
        Assert.Equal("sample", _t.InducedSubgraph(_ => true).Name);
    }

    [Fact]
    public void InducedSubgraph_DroppingASite_ClearsItFromHousedNodes()
    {
        var sub = _t.InducedSubgraph(n => n.Id != "GVA");
        Assert.Null(sub.GetNode("GG").Site);
        Assert.Equal("GVA", _t.GetNode("GG").Site);
        var none = _t.InducedSubgraph(n => n.Id is "NYC" or "CHI");
        Assert.Empty(none.Srlgs);
        Assert.Empty(none.Demands);
    }

    [Fact]
    public void ToString_GivesNameAndSize()
    {
        Assert.Equal("sample: 5 nodes, 5 links", _t.ToString());
    }
}
