using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class TopologyExceptionTests
{
    private static readonly TopologyError First = new(new SourceLocation("a.yaml", 1, 2), "first");

    [Fact]
    public void Message_OneError_IsThatError()
    {
        var e = new TopologyException(First);
        Assert.Equal("a.yaml:1:2: first", e.Message);
        Assert.Same(First, Assert.Single(e.Errors));
        Assert.False(e.IsTransient);
        Assert.IsAssignableFrom<NetControlException>(e);
    }

    [Fact]
    public void Message_SeveralErrors_CountsTheRest()
    {
        var second = new TopologyError(SourceLocation.None, "second");
        Assert.Equal("a.yaml:1:2: first (and 1 more error)", new TopologyException([First, second]).Message);
        Assert.Equal("a.yaml:1:2: first (and 2 more errors)", new TopologyException([First, second, second]).Message);
        Assert.Equal("invalid topology", new TopologyException(Array.Empty<TopologyError>()).Message);
    }

    [Fact]
    public void Message_PlainText_HasNoLocation()
    {
        var e = new TopologyException("unknown node 'X'");
        Assert.Equal("unknown node 'X'", e.Message);
        Assert.Equal(SourceLocation.None, e.Errors[0].Location);
        Assert.Equal("unknown node 'X'", e.Errors[0].ToString());
    }
}
