using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

public class Tl1AidTests
{
    [Theory]
    [InlineData("10001", "10001")]
    [InlineData("10001&10002", "10001,10002")]
    [InlineData("10001&&10004", "10001,10002,10003,10004")]
    [InlineData("1.1a.1&&1.1a.3", "1.1a.1,1.1a.2,1.1a.3")]
    [InlineData("10.13a.9&&10.13a.11", "10.13a.9,10.13a.10,10.13a.11")]
    [InlineData("p009&&p011", "p009,p010,p011")]
    [InlineData("10001&&10002&20001&&20002&30001", "10001,10002,20001,20002,30001")]
    [InlineData("7&&7", "7")]
    [InlineData(" 1 & 2 ", "1,2")]
    public void Expand_ListsAndRanges_EveryAid(string aid, string expected)
    {
        Assert.Equal(expected.Split(','), Tl1Aid.Expand(aid));
    }

    [Theory]
    [InlineData("ALL")]
    [InlineData("all")]
    [InlineData("All")]
    public void Expand_All_ReturnedAsIs(string aid)
    {
        Assert.Equal([aid], Tl1Aid.Expand(aid));
    }

    [Fact]
    public void Expand_Empty_None()
    {
        Assert.Empty(Tl1Aid.Expand(""));
    }

    [Theory]
    [InlineData("10004&&10001", "ends before it starts")]
    [InlineData("1.1a.1&&1.2a.3", "differ before their last number")]
    [InlineData("abc&&abd", "must end in a number")]
    [InlineData("1&&2&&3", "chains two ranges")]
    [InlineData("1&", "empty element")]
    [InlineData("&1", "empty element")]
    [InlineData("1&&", "range without an end")]
    [InlineData("1&&&2", "range without an end")]
    [InlineData("1&&99999999", "more than 65536")]
    [InlineData("1&&12345678901", "at most 9 digits")]
    public void Expand_MalformedRange_FormatExceptionSaysWhy(string aid, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Tl1Aid.Expand(aid));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
