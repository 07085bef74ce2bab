using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class SourceLocationTests
{
    [Theory]
    [InlineData("net.yaml", 3, 7, null, "net.yaml:3:7")]
    [InlineData("net.yaml", 3, null, null, "net.yaml:3")]
    [InlineData("net.yaml", null, null, null, "net.yaml")]
    [InlineData("net.yaml", null, null, "row 4", "net.yaml (row 4)")]
    [InlineData(null, null, null, "row 4", "row 4")]
    [InlineData(null, 2, 1, null, ":2:1")]
    [InlineData("g.graphml", 5, 3, "<edge source=\"a\">", "g.graphml:5:3")]
    [InlineData(null, null, null, null, "")]
    public void ToString_JoinsWhatIsKnown(string? file, int? line, int? column, string? element, string expected)
    {
        Assert.Equal(expected, new SourceLocation(file, line, column, element).ToString());
    }

    [Fact]
    public void InFile_ColumnZeroMeansUnknown()
    {
        Assert.Null(SourceLocation.InFile("f", 3).Column);
        Assert.Equal(4, SourceLocation.InFile("f", 3, 4).Column);
        Assert.Equal(string.Empty, SourceLocation.None.ToString());
    }
}
