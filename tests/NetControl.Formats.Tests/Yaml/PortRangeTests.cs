using NetControl.Formats.Yaml;

namespace NetControl.Formats.Tests.Yaml;

public class PortRangeTests
{
    [Theory]
    [InlineData("10001-10003", "10001,10002,10003")]
    [InlineData("1.1a.1-3", "1.1a.1,1.1a.2,1.1a.3")]
    [InlineData("1.1a.9-1.1a.11", "1.1a.9,1.1a.10,1.1a.11")]
    [InlineData("eth-1-2", "eth-1,eth-2")]
    [InlineData("p009-011", "p009,p010,p011")]
    [InlineData("0-1", "0,1")]
    [InlineData("7-7", "7")]
    public void TryExpand_ValidRange_ListsEveryPort(string range, string expected)
    {
        Assert.True(PortRange.TryExpand(range, 100, out var names, out string error), error);
        Assert.Equal(expected.Split(','), names);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("-5", "is not a port range")]
    [InlineData("5-", "is not a port range")]
    [InlineData("abc", "is not a port range")]
    [InlineData("a1-b2", "both ends must be the same name")]
    [InlineData("1-9999999999", "both ends must be the same name")]
    [InlineData("5-4", "ends before it starts")]
    [InlineData("1-101", "has 101 ports, more than the 100 one range may hold")]
    public void TryExpand_InvalidRange_SaysWhy(string range, string message)
    {
        Assert.False(PortRange.TryExpand(range, 100, out var names, out string error));
        Assert.Empty(names);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
