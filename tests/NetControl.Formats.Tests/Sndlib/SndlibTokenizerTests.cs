using NetControl.Formats.Sndlib;

namespace NetControl.Formats.Tests.Sndlib;

public class SndlibTokenizerTests
{
    [Fact]
    public void Next_MixedText_GivesTokensWithLineAndColumn()
    {
        var tokens = new SndlibTokenizer("NODES ( # comment ( )\n  A(1.5 -2)\r\n)");
        var expected = new[]
        {
            new SndlibToken(SndlibTokenKind.Word, "NODES", 1, 1),
            new SndlibToken(SndlibTokenKind.Open, "(", 1, 7),
            new SndlibToken(SndlibTokenKind.Word, "A", 2, 3),
            new SndlibToken(SndlibTokenKind.Open, "(", 2, 4),
            new SndlibToken(SndlibTokenKind.Word, "1.5", 2, 5),
            new SndlibToken(SndlibTokenKind.Word, "-2", 2, 9),
            new SndlibToken(SndlibTokenKind.Close, ")", 2, 11),
            new SndlibToken(SndlibTokenKind.Close, ")", 3, 1),
            new SndlibToken(SndlibTokenKind.End, string.Empty, 3, 2),
        };
        Assert.Equal(expected, expected.Select(_ => tokens.Next()));
        Assert.Equal(SndlibTokenKind.End, tokens.Next().Kind);
    }

    [Fact]
    public void Peek_ThenNext_ReturnTheSameToken()
    {
        var tokens = new SndlibTokenizer("a b");
        Assert.Equal("a", tokens.Peek().Text);
        Assert.Equal("a", tokens.Next().Text);
        Assert.Equal("b", tokens.Next().Text);
    }

    [Fact]
    public void ReadLine_AfterToken_GivesTheRestOfTheLineRaw()
    {
        var tokens = new SndlibTokenizer("META (  origin = a (b) # c\r\n  unit = X\n)");
        tokens.Next();
        tokens.Next();
        Assert.Equal(("  origin = a (b) # c", 1, 7), tokens.ReadLine());
        Assert.Equal(("  unit = X", 2, 1), tokens.ReadLine());
        Assert.Equal((")", 3, 1), tokens.ReadLine());
        Assert.Null(tokens.ReadLine());
    }

    [Fact]
    public void Describe_LongWord_IsShortened()
    {
        var token = new SndlibToken(SndlibTokenKind.Word, new string('x', 100), 1, 1);
        Assert.Equal($"'{new string('x', 37)}...'", token.Describe());
        Assert.Equal("the end of the file", new SndlibToken(SndlibTokenKind.End, string.Empty, 1, 1).Describe());
    }
}
