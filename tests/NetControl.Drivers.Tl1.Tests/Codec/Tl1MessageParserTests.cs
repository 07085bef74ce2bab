using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Network element output, as in shared/PROTOCOLS.md and as devices really send it, into messages.</summary>
public class Tl1MessageParserTests
{
    private const string Header = "\r\n\n   GGN 24-03-05 14:02:11\r\n";

    [Theory]
    [MemberData(nameof(Tl1Samples.Names), MemberType = typeof(Tl1Samples))]
    public void TryParse_Sample_ReadsTheMessage(string name)
    {
        var (_, text, expected) = Tl1Samples.Get(name);
        var feed = Tl1Feeds.Messages(text);
        Assert.Equal([Tl1Describe.Of(expected)], Tl1Feeds.Describe(feed));
        Assert.Equal(0, feed.Pending);
    }

    [Fact]
    public void TryParse_GlimmerglassCrsLine_ParametersReadable()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(Tl1Samples.Get("glimmerglass-rtrv-crs-fiber").Text).Items));
        var blocks = Tl1Parameters.SplitBlocks(Assert.Single(response.Lines));
        Assert.Equal("GGN", blocks[0]);
        var p = Tl1Parameters.Parse(blocks[1]);
        Assert.Equal("10002", p["IPORTID"]);
        Assert.Equal("20015", p["oportid"]);
        Assert.Equal("steady", p["CONNSTATE"]);
        Assert.Equal("", p["IPORTNAME"]);
        Assert.Equal("-3.1", p["INPWR"]);
        Assert.Null(p["NOSUCH"]);
    }

    [Fact]
    public void TryParse_LosAlarm_DescriptionUnquoted()
    {
        var alarm = Assert.IsType<Tl1AutonomousMessage>(Assert.Single(Tl1Feeds.Messages(Tl1Samples.Get("rept-alm-los").Text).Items));
        var blocks = Tl1Parameters.SplitBlocks(Assert.Single(alarm.Lines));
        Assert.Equal(["10.13a.1", "CR,LOS,SA,03-05,14-02-11", "\"Loss of light\""], blocks);
        Assert.Equal(["CR", "LOS", "SA", "03-05", "14-02-11"], Tl1Parameters.Parse(blocks[1]).Positional);
        Assert.Equal("Loss of light", Tl1Parameters.Parse(blocks[2]).Positional[0]);
    }

    [Fact]
    public void TryParse_MultiPartThenLast_TwoResponsesSameCtag()
    {
        string text = Header + "M  9 COMPLD\r\n   \"a\"\r\n>" + Header + "M  9 COMPLD\r\n   \"b\"\r\n;";
        var responses = Tl1Feeds.Messages(text).Items.Cast<Tl1Response>().ToList();
        Assert.Equal([true, false], responses.Select(r => r.More));
        Assert.Equal(["9", "9"], responses.Select(r => r.Ctag));
        Assert.Equal(["a", "b"], responses.SelectMany(r => r.Lines));
    }

    [Fact]
    public void TryParse_RtrvThenCompld_IntermediateThenFinal()
    {
        string text = Header + "M  4 RTRV\r\n   \"GGN:PORTID=1\"\r\n;" + Header + "M  4 COMPLD\r\n   \"GGN:PORTID=2\"\r\n;";
        var codes = Tl1Feeds.Messages(text).Items.Cast<Tl1Response>().Select(r => r.Code);
        Assert.Equal([Tl1CompletionCode.Retrieving, Tl1CompletionCode.Completed], codes);
    }

    [Fact]
    public void TryParse_EchoAckAndPrompts_OnlyMessages()
    {
        // Glimmerglass echoes the command, may acknowledge, answers, then prompts.
        string text = "<RTRV-CRS-FIBER::all:7;\r\nIP 7\r\n<" + Tl1Samples.Get("glimmerglass-rtrv-crs-fiber").Text + "\r\n<\r\n<";
        var feed = Tl1Feeds.Messages(text);
        Assert.Empty(feed.Errors);
        Assert.Collection(feed.Items,
            m => Assert.Equal(new Tl1Acknowledgment(Tl1AckCode.InProgress, "7"), m),
            m => Assert.Equal("7", Assert.IsType<Tl1Response>(m).Ctag));
        Assert.Equal(0, feed.Pending);
    }

    [Fact]
    public void TryParse_EchoWithQuotedSemicolon_SkipsWholeEcho()
    {
        var feed = Tl1Feeds.Messages("ACT-USER::admin:1::\"pa;ss\";\r\n" + Header + "M  1 COMPLD\r\n;");
        Assert.Equal("1", Assert.IsType<Tl1Response>(Assert.Single(feed.Items)).Ctag);
        Assert.Empty(feed.Errors);
    }

    [Theory]
    [InlineData("\n\n   GGN 24-03-05 14:02:11\nM  7 COMPLD\n   \"x\"\n;")]
    [InlineData("\r\r\n\r\n   GGN 24-03-05 14:02:11\r\r\nM  7 COMPLD\r\n\r\n   \"x\"\r\r\n;")]
    [InlineData("\r\n\n\tGGN  24-03-05\t14:02:11  \r\nM\t7   COMPLD \r\n\"x\"   \r\n   ;")]
    public void TryParse_LineEndingsAndSpacing_SameResponse(string text)
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(text).Items));
        Assert.Equal(Tl1Describe.Of(Tl1Samples.Response("GGN", "7", Tl1CompletionCode.Completed, null, [], ["x"], false)), Tl1Describe.Of(response));
    }

    [Fact]
    public void TryParse_DenyWithoutErrorCodeLine_NullErrorCode()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(Header + "M  3 DENY\r\n   /* no code */\r\n;").Items));
        Assert.Equal(Tl1CompletionCode.Denied, response.Code);
        Assert.Null(response.ErrorCode);
        Assert.Equal(["no code"], response.Comments.ToArray());
    }

    [Fact]
    public void TryParse_DenyErrorCodeAfterCommentAndWithTrailingComment_Found()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(
            Tl1Feeds.Messages(Header + "M  3 DENY\r\n   /* first */\r\n   SROF /* failed */\r\n;").Items));
        Assert.Equal("SROF", response.ErrorCode);
        Assert.Equal(["first", "failed"], response.Comments.ToArray());
    }

    [Fact]
    public void TryParse_MultiLineComment_JoinedTrimmed()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(
            Tl1Feeds.Messages(Header + "M  3 COMPLD\r\n   /* one\r\n      two; > three\r\n   */\r\n   \"x\"\r\n;").Items));
        Assert.Equal(["one\ntwo; > three"], response.Comments.ToArray());
        Assert.Equal(["x"], response.Lines.ToArray());
    }

    [Fact]
    public void TryParse_UnquotedBodyLine_KeptTrimmed()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(Header + "M  3 COMPLD\r\n   GGN:PORTID=1  \r\n;").Items));
        Assert.Equal(["GGN:PORTID=1"], response.Lines.ToArray());
        Assert.Null(response.ErrorCode);
    }

    [Fact]
    public void TryParse_QuotedSidAndFourDigitYear_Read()
    {
        var response = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages("\r\n\n   \"NE 1\" 2024-03-05 14:02:11\r\nM  1 COMPLD\r\n;").Items));
        Assert.Equal(new Tl1Header("NE 1", Tl1Samples.Time), response.Header);
    }

    [Fact]
    public void TryParse_AckWithoutPrompt_ReadAtLineEnd()
    {
        var feed = Tl1Feeds.Messages("OK 12\r\n");
        Assert.Equal(new Tl1Acknowledgment(Tl1AckCode.Ok, "12"), Assert.Single(feed.Items));
    }

    [Fact]
    public void TryParse_IncompleteResponse_NeedsMoreAndKeepsItAll()
    {
        string text = Header + "M  3 COMPLD\r\n   \"abc\"\r\n";
        var feed = Tl1Feeds.Messages("<" + text);
        Assert.Empty(feed.Results);
        Assert.Equal(text.Length - 6, feed.Pending); // the prompt, line breaks and indent before the header are dropped
    }

    [Theory]
    [InlineData("M  3 DONE\r\n;", "unknown completion code 'DONE'")]
    [InlineData("M  3\r\n;", "response line must be 'M <ctag> <completion code>'")]
    [InlineData("X  3 COMPLD\r\n;", "expected 'M <ctag> <completion code>'")]
    [InlineData("*C x REPT ALM\r\n;", "ATAG 'x' is not a decimal number")]
    [InlineData("*C 12\r\n;", "autonomous message line needs an ATAG and a report")]
    [InlineData("M  3 COMPLD\r\n   \"abc\r\n;", "quoted line without its closing '\"'")]
    [InlineData("M  3 COMPLD\r\n   /* abc\r\n;", "comment not closed with '*/'")]
    [InlineData(";", "message ended right after its header")]
    [InlineData("\r\n>", "message ended right after its header")]
    public void TryParse_BadMessage_OneErrorThenResumes(string body, string expected)
    {
        var feed = Tl1Feeds.Messages(Header + body + Header + "M  5 COMPLD\r\n;");
        Assert.Contains(expected, Assert.Single(feed.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("5", Assert.IsType<Tl1Response>(Assert.Single(feed.Items)).Ctag);
        Assert.Equal(0, feed.Pending);
    }

    [Fact]
    public void TryParse_InvalidDate_ErrorWithExcerpt()
    {
        var feed = Tl1Feeds.Messages("\r\n\n   GGN 24-13-05 14:02:11\r\nM  1 COMPLD\r\n;");
        var error = Assert.Single(feed.Errors);
        Assert.Equal("invalid header date or time '24-13-05 14:02:11'", error.Message);
        Assert.Equal("GGN 24-13-05 14:02:11", error.Excerpt);
    }

    [Fact]
    public void TryParse_MessageCutShortByNextHeader_ErrorThenNextMessage()
    {
        var feed = Tl1Feeds.Messages(Header + "M  3 COMPLD\r\n   \"abc\"\r\n" + Header + "M  4 COMPLD\r\n;");
        Assert.Equal(["error: message cut short: a new header came before its terminator", Tl1Describe.Of(Tl1Samples.Response("GGN", "4", Tl1CompletionCode.Completed, null, [], [], false))],
            Tl1Feeds.Describe(feed));
    }

    [Fact]
    public void TryParse_GarbageLine_ErrorThenAck()
    {
        var feed = Tl1Feeds.Messages("hello there\r\nIP 3\r\n<");
        Assert.Equal(["error: unexpected text between messages (not a header, acknowledgment or echoed command)", "ack | InProgress | 3"], Tl1Feeds.Describe(feed));
    }

    [Fact]
    public void TryParse_TooLongWithoutTerminator_ErrorAndSkips()
    {
        var options = new Tl1CodecOptions { MaxMessageBytes = 64 };
        string longLine = "   \"" + new string('x', 100) + "\"\r\n";
        var feed = Tl1Feeds.Messages(Header + "M  3 COMPLD\r\n" + longLine + ";" + Header + "M  4 COMPLD\r\n;", options);
        Assert.StartsWith("message longer than the limit of 64 bytes", feed.Errors.First().Message, StringComparison.Ordinal);
        Assert.Equal("4", Assert.IsType<Tl1Response>(feed.Items.Last()).Ctag);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void TryParse_MessageOfExactlyTheLimit_ReadWhateverFollows(int slack, bool fits)
    {
        string text = Tl1Samples.Get("glimmerglass-rtrv-port-power").Text;
        var options = new Tl1CodecOptions { MaxMessageBytes = text.Length - "\r\n\n   ".Length + slack };
        foreach (string after in new[] { "", "\r\n<", Tl1Samples.Get("ack-in-progress").Text })
        {
            var feed = Tl1Feeds.Messages(text + after, options);
            Assert.Equal(fits, feed.Results[0].Item is Tl1Response);
            Assert.Equal(!fits, feed.Results[0].Error is not null);
        }
    }

    [Fact]
    public void TryParse_LargeResponseInPipeSizedSegments_ReadOnce()
    {
        string[] lines = [.. Enumerable.Range(0, 2000).Select(i => $"10.13a.{i}>10.13a.{i + 1}:" + Tl1Samples.CalientTwoWayLine)];
        var response = new Tl1Response(new Tl1Header("PXC", Tl1Samples.Time), "1", Tl1CompletionCode.Completed, null, [], [.. lines], false);
        byte[] bytes = Segments.Bytes(Tl1Writer.ToText(response));
        var chunks = bytes.Chunk(4096);
        var read = Assert.IsType<Tl1Response>(Assert.Single(Tl1Feeds.Messages(chunks).Items));
        Assert.Equal(lines, read.Lines.ToArray());
    }

    [Fact]
    public void TryParse_EndlessGarbageByteByByte_BoundedBuffering()
    {
        var options = new Tl1CodecOptions { MaxMessageBytes = 128 };
        var feed = new PipeFeed<Tl1Message>(new Tl1MessageParser(options).TryParse);
        for (int i = 0; i < 2000; i++)
        {
            feed.Append([(byte)'x']);
            Assert.True(feed.Pending <= 129, $"buffered {feed.Pending} bytes");
        }

        Assert.NotEmpty(feed.Errors);
    }

    [Fact]
    public void Constructor_NonPositiveLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tl1MessageParser(new Tl1CodecOptions { MaxMessageBytes = 0 }));
    }
}
