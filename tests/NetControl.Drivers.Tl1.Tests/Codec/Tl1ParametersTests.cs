using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

public class Tl1ParametersTests
{
    [Fact]
    public void Parse_MixedBlock_PositionalAndNamed()
    {
        var p = Tl1Parameters.Parse("a,b,NAME=VAL,NAME2=\"x,y\"");
        Assert.Equal(["a", "b"], p.Positional);
        Assert.Equal("VAL", p["name"]);
        Assert.Equal("x,y", p["NAME2"]);
        Assert.Equal([new("NAME", "VAL"), new KeyValuePair<string, string>("NAME2", "x,y")], p.Named);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("a,,b", new[] { "a", "", "b" })]
    [InlineData(",2WAY,CONN1", new[] { "", "2WAY", "CONN1" })]
    [InlineData(" a , \"b c\" ", new[] { "a", "b c" })]
    [InlineData("\"q\\\"r\\\\s\"", new[] { "q\"r\\s" })]
    [InlineData("\"a=b\"", new[] { "a=b" })]
    [InlineData("\"open,x", new[] { "open,x" })]
    public void Parse_PositionalValues_Unquoted(string block, string[] expected)
    {
        var p = Tl1Parameters.Parse(block);
        Assert.Equal(expected, p.Positional);
        Assert.Empty(p.Named);
    }

    [Fact]
    public void TryGet_PresentEmptyAndAbsent_Distinguished()
    {
        var p = Tl1Parameters.Parse("IPORTNAME=,OPORTID=20015,OPORTID=9");
        Assert.True(p.TryGet("iportname", out string empty));
        Assert.Equal("", empty);
        Assert.True(p.TryGet("OPORTID", out string first));
        Assert.Equal("20015", first);
        Assert.False(p.TryGet("CONNSTATE", out string missing));
        Assert.Equal("", missing);
        Assert.Null(p["CONNSTATE"]);
    }

    [Fact]
    public void Parse_ValueWithEquals_SplitsAtFirst()
    {
        Assert.Equal("b=c", Tl1Parameters.Parse("A=b=c")["A"]);
    }

    [Fact]
    public void Format_Named_CommaSeparated()
    {
        Assert.Equal("A=1,B=2", Tl1Parameters.Format([new("A", "1"), new("B", "2")]));
        Assert.Equal("", Tl1Parameters.Format([]));
    }

    [Fact]
    public void Format_ValuesNeedingQuotes_QuotedAndReadBack()
    {
        var named = new KeyValuePair<string, string>[] { new("A", "x,y"), new("B", "say \"hi\""), new("C", ""), new("D", "a:b;c\\d") };
        string text = Tl1Parameters.Format(named);
        Assert.Equal("A=\"x,y\",B=\"say \\\"hi\\\"\",C=,D=\"a:b;c\\\\d\"", text);
        Assert.Equal(named, Tl1Parameters.Parse(text).Named);
    }

    [Fact]
    public void SplitBlocks_QuotedColons_KeptInBlock()
    {
        Assert.Equal(["aid", "CR,LOS", "\"a:b\""], Tl1Parameters.SplitBlocks("aid:CR,LOS:\"a:b\""));
        Assert.Equal([""], Tl1Parameters.SplitBlocks(""));
    }
}
