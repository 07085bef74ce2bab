using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class NodeTests
{
    [Fact]
    public void FindPort_FewPorts_FindsByExactName()
    {
        var node = new Node { Id = "N", Ports = [new Port("1"), new Port("10001", PortDirection.Input, "20001")] };
        Assert.Equal(PortDirection.Input, node.FindPort("10001")!.Direction);
        Assert.Null(node.FindPort("2"));
        Assert.Null(node.FindPort("10001 "));
    }

    [Theory]
    [InlineData("10001", "10001", "20001")]
    [InlineData("20001", "10001", "20001")]
    [InlineData("1.1a.1", "1.1a.1", "1.1a.1")]
    [InlineData("10009", "10009", "10009")]
    [InlineData("unknown", "unknown", "unknown")]
    public void ReceiveAndTransmitSideOf_PairedSplitAndBidirectionalPorts_NameTheFibresTwoEnds(string port, string receive, string transmit)
    {
        var node = new Node
        {
            Id = "N",
            Ports = [new Port("10001", PortDirection.Input, "20001"), new Port("20001", PortDirection.Output, "10001"), new Port("1.1a.1"), new Port("10009", PortDirection.Input)],
        };

        Assert.Equal(receive, node.ReceiveSideOf(port));
        Assert.Equal(transmit, node.TransmitSideOf(port));
    }

    [Fact]
    public void FindPort_ManyPorts_FindsEveryPortAndTheFirstOfDuplicates()
    {
        var ports = Enumerable.Range(0, 5000).Select(i => new Port($"p{i}")).Append(new Port("p7", PortDirection.Output)).ToArray();
        var node = new Node { Id = "N", Ports = [.. ports] };
        Assert.All(Enumerable.Range(0, 5000), i => Assert.Same(ports[i], node.FindPort($"p{i}")));
        Assert.Equal(PortDirection.Bidirectional, node.FindPort("p7")!.Direction);
        Assert.Null(node.FindPort("q1"));
    }

    [Fact]
    public void FindPort_OnACopyWithOtherPorts_SeesTheCopysPorts()
    {
        var node = new Node { Id = "N", Ports = [.. Enumerable.Range(0, 100).Select(i => new Port($"p{i}"))] };
        Assert.NotNull(node.FindPort("p50"));
        var copy = node with { Ports = [.. Enumerable.Range(0, 100).Select(i => new Port($"q{i}"))] };
        Assert.Null(copy.FindPort("p50"));
        Assert.NotNull(copy.FindPort("q50"));
        Assert.NotNull(node.FindPort("p50"));
    }

    [Fact]
    public void Equality_IsUnaffectedByPortLookups()
    {
        var ports = Enumerable.Range(0, 100).Select(i => new Port($"p{i}")).ToArray();
        var a = new Node { Id = "N", Ports = [.. ports] };
        var b = a with { };
        a.FindPort("p1");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Names_PreferTheLabel()
    {
        Assert.Equal("CERN", new Node { Id = "cern", Label = "CERN" }.DisplayName);
        Assert.Equal("cern", new Node { Id = "cern" }.DisplayName);
        Assert.Equal("cern (CERN)", new Node { Id = "cern", Label = "CERN" }.ToString());
        Assert.Equal("cern", new Node { Id = "cern", Label = "cern" }.ToString());
        Assert.Equal(NodeKind.Site, new Node { Id = "x" }.Kind);
    }

    [Fact]
    public void PortsAndEndpoints_PrintAsTheyAreWritten()
    {
        Assert.Equal("10001/20001", new Port("10001", PortDirection.Input, "20001").ToString());
        Assert.Equal("1.1a.1", new Port("1.1a.1").ToString());
        Assert.Equal(AdminState.Up, new Port("1").Admin);
        Assert.Equal("GG:10001", new PortRef("GG", "10001").ToString());
        Assert.Equal("GG:10001", new LinkEndpoint("GG", "10001").ToString());
        Assert.Equal("GG", new LinkEndpoint("GG").ToString());
    }
}
