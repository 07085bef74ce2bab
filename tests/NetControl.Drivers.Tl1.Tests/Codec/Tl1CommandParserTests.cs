using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Client input into commands, as a simulated network element reads it.</summary>
public class Tl1CommandParserTests
{
    [Theory]
    [InlineData("ENT-CRS-FIBER::10001,20002:5;", "ENT-CRS-FIBER |  | 10001,20002 | 5 |  | payload[]")]
    [InlineData("ent-crs-fiber::10001&10002,20002&20001:6;", "ENT-CRS-FIBER |  | 10001&10002,20002&20001 | 6 |  | payload[]")]
    [InlineData("DLT-CRS-FIBER::10001:7;", "DLT-CRS-FIBER |  | 10001 | 7 |  | payload[]")]
    [InlineData("RTRV-CRS-FIBER::all:8;", "RTRV-CRS-FIBER |  | all | 8 |  | payload[]")]
    [InlineData("ACT-USER:GG-1:admin:9::secret;", "ACT-USER | GG-1 | admin | 9 |  | payload[secret]")]
    [InlineData("ENT-CRS::10.13a.1,10.13a.2:10::,2WAY,CONN1;", "ENT-CRS |  | 10.13a.1,10.13a.2 | 10 |  | payload[,2WAY,CONN1]")]
    [InlineData("DLT-CRS:::11::10.13a.1>10.13a.2;", "DLT-CRS |  |  | 11 |  | payload[10.13a.1>10.13a.2]")]
    [InlineData("RTRV-CRS:::12::G,N;", "RTRV-CRS |  |  | 12 |  | payload[G,N]")]
    [InlineData("RTRV-HDR:::;", "RTRV-HDR |  |  |  |  | payload[]")]
    [InlineData("RTRV-HDR:::13:::;", "RTRV-HDR |  |  | 13 |  | payload[]")]
    [InlineData("ED-X:::14:GB:a::b:;", "ED-X |  |  | 14 | GB | payload[a¦¦b]")]
    [InlineData("ED-X:::15::NAME=\"x:y;z\",B=\"q\\\"r\";", "ED-X |  |  | 15 |  | payload[NAME=\"x:y;z\",B=\"q\\\"r\"]")]
    [InlineData("  \r\n RTRV-HDR : : : 16 ;", "RTRV-HDR |  |  | 16 |  | payload[]")]
    [InlineData("CANC-USER::admin:17;", "CANC-USER |  | admin | 17 |  | payload[]")]
    [InlineData("CANC-USER:GG-1::18;", "CANC-USER | GG-1 |  | 18 |  | payload[]")]
    [InlineData("DLT-CRS-FIBER::10001,20002:19;", "DLT-CRS-FIBER |  | 10001,20002 | 19 |  | payload[]")]
    [InlineData("RTRV-PORT-POWER::all:20;", "RTRV-PORT-POWER |  | all | 20 |  | payload[]")]
    [InlineData("RTRV-CFG-FIBER::all:21;", "RTRV-CFG-FIBER |  | all | 21 |  | payload[]")]
    [InlineData("DLT-CRS:::22::10.13a.1-10.13a.2;", "DLT-CRS |  |  | 22 |  | payload[10.13a.1-10.13a.2]")]
    [InlineData("RTRV-CRS:::23;", "RTRV-CRS |  |  | 23 |  | payload[]")]
    [InlineData("RTRV-DET-EQPT::10.13a.1:24;", "RTRV-DET-EQPT |  | 10.13a.1 | 24 |  | payload[]")]
    [InlineData("RTRV-ALM-ALL:::25;", "RTRV-ALM-ALL |  |  | 25 |  | payload[]")]
    [InlineData("INH-MSG-ALL:::26;", "INH-MSG-ALL |  |  | 26 |  | payload[]")]
    [InlineData("ALW-MSG-ALL:::27;", "ALW-MSG-ALL |  |  | 27 |  | payload[]")]
    [InlineData("ENT-CRS-FIBER::10001&&10004,20001&&20004:28;", "ENT-CRS-FIBER |  | 10001&&10004,20001&&20004 | 28 |  | payload[]")]
    public void TryParse_ValidCommand_Read(string text, string expected)
    {
        var feed = Tl1Feeds.Commands(text);
        Assert.Empty(feed.Errors);
        Assert.Equal(expected, Tl1Describe.Of(Assert.Single(feed.Items)));
        Assert.Equal(0, feed.Pending);
    }

    [Theory]
    [InlineData("RTRV-HDR::;", "missing CTAG")]
    [InlineData("RTRV-HDR;", "missing CTAG")]
    [InlineData(";", "empty command")]
    [InlineData("RTRV HDR:::1;", "invalid command code 'RTRV HDR'")]
    [InlineData("RTRV_HDR:::1;", "invalid command code 'RTRV_HDR'")]
    [InlineData(":::1;", "invalid command code ''")]
    [InlineData("RTRV-HDR:TID_1::1;", "invalid TID 'TID_1'")]
    [InlineData("RTRV-HDR:ABCDEFGHIJKLMNOPQRSTU::1;", "invalid TID 'ABCDEFGHIJKLMNOPQRSTU'")]
    [InlineData("RTRV-HDR:::1234567;", "invalid CTAG '1234567'")]
    [InlineData("RTRV-HDR:::a-b;", "invalid CTAG 'a-b'")]
    [InlineData("ACT-USER::u:1::\"open\r\n;", "quoted text without its closing '\"'")]
    public void TryParse_InvalidCommand_ErrorThenNextCommand(string text, string expected)
    {
        var feed = Tl1Feeds.Commands(text + "\r\nRTRV-HDR:::2;");
        Assert.StartsWith(expected, Assert.Single(feed.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(feed.Items).Ctag);
    }

    [Theory]
    [InlineData("RTRV HDR:::8;", "IISP", "8")]
    [InlineData(";", "IISP", null)]
    [InlineData("ACT-USER::u:5::\"open\r\n;", "IISP", "5")]
    [InlineData("RTRV-HDR::;", "IBMS", null)]
    [InlineData("RTRV-HDR;", "IBMS", null)]
    [InlineData("RTRV-HDR:::a-b;", "IICT", null)]
    [InlineData("RTRV-HDR:::1234567;", "IICT", null)]
    [InlineData("RTRV-HDR:TID_1::9;", "IITA", "9")]
    public void TryParse_InvalidCommand_CarriesTheDenyCodeAndTheCtagWhenReadable(string text, string code, string? ctag)
    {
        var error = Assert.Single(Tl1Feeds.Commands(text).Errors);

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(ctag, error.Ctag);
    }

    [Fact]
    public void TryParse_TooLong_InvalidSyntaxWithoutCtag()
    {
        var feed = Tl1Feeds.Commands(new string('A', 100) + ";", new Tl1CodecOptions { MaxMessageBytes = 32 });

        var error = Assert.Single(feed.Errors);
        Assert.Equal(("IISP", null), (error.ErrorCode, error.Ctag));
    }

    [Fact]
    public void TryParse_Incomplete_NeedsMoreSkippingWhitespace()
    {
        var feed = Tl1Feeds.Commands("\r\n  RTRV-HDR:::");
        Assert.Empty(feed.Results);
        Assert.Equal("RTRV-HDR:::".Length, feed.Pending);
    }

    [Fact]
    public void TryParse_TooLongWithoutSemicolon_ErrorAndResync()
    {
        var options = new Tl1CodecOptions { MaxMessageBytes = 32 };
        var feed = Tl1Feeds.Commands(new string('A', 100) + ";RTRV-HDR:::3;", options);
        Assert.StartsWith("command longer than the limit of 32 bytes", Assert.Single(feed.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("3", Assert.Single(feed.Items).Ctag);
    }

    [Fact]
    public void TryParse_EndlessInputByteByByte_BoundedBuffering()
    {
        var feed = new PipeFeed<Tl1Command>(new Tl1CommandParser(new Tl1CodecOptions { MaxMessageBytes = 50 }).TryParse);
        for (int i = 0; i < 1000; i++)
        {
            feed.Append([(byte)'"']);
            Assert.True(feed.Pending <= 51);
        }

        Assert.NotEmpty(feed.Errors);
    }

    [Fact]
    public void TryParse_LoginPayload_ParametersAndRedaction()
    {
        var command = Assert.Single(Tl1Feeds.Commands("ACT-USER::admin:1::s3cret;").Items);
        Assert.Equal("s3cret", command.PayloadAt(0));
        Assert.Equal("ACT", command.Verb);
        Assert.Equal("ACT-USER::admin:1::********;", Tl1Writer.Redact(command));
    }

    [Fact]
    public void TryParse_ErrorExcerpt_EscapesControlCharacters()
    {
        var error = Assert.Single(Tl1Feeds.Commands("BAD\tCODE\u0001:::1;").Errors);
        Assert.Equal("BAD\\tCODE\\x01:::1", error.Excerpt);
    }

    [Fact]
    public void Constructor_NegativeLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tl1CommandParser(new Tl1CodecOptions { MaxMessageBytes = -1 }));
    }

    [Fact]
    public void Default_Options_OneMebibyte()
    {
        Assert.Equal(1 << 20, Tl1CodecOptions.Default.MaxMessageBytes);
        Assert.Same(Tl1CodecOptions.Default, Tl1CodecOptions.Default);
        Assert.IsType<Tl1Command>(Assert.Single(Tl1Feeds.Commands("RTRV-HDR:::1;").Items));
    }
}
