using System.Buffers;
using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>The writer emits exactly the canonical bytes.</summary>
public class Tl1WriterTests
{
    [Theory]
    [MemberData(nameof(Tl1Samples.Names), MemberType = typeof(Tl1Samples))]
    public void Write_Sample_EmitsCanonicalBytes(string name)
    {
        var (_, text, message) = Tl1Samples.Get(name);
        var output = new ArrayBufferWriter<byte>();
        switch (message)
        {
            case Tl1Response r: Tl1Writer.Write(output, r); break;
            case Tl1Acknowledgment a: Tl1Writer.Write(output, a); break;
            case Tl1AutonomousMessage m: Tl1Writer.Write(output, m); break;
        }

        Assert.Equal(Encoding.ASCII.GetBytes(text), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Write_Response_ExactBytes()
    {
        var response = new Tl1Response(new Tl1Header("GGN", new DateTime(2009, 1, 2, 3, 4, 5)), "77", Tl1CompletionCode.Denied, "IIAC",
            ["bad port"], ["GGN:PORTID=1\"x\""], More: true);
        Assert.Equal("\r\n\n   GGN 09-01-02 03:04:05\r\nM  77 DENY\r\n   IIAC\r\n   /* bad port */\r\n   \"GGN:PORTID=1\\\"x\\\"\"\r\n>", Written(o => Tl1Writer.Write(o, response)));
    }

    [Fact]
    public void Write_CommentWithCloserAndLineBreaks_StaysOneCommentOnOneLine()
    {
        var response = new Tl1Response(new Tl1Header("GGN", new DateTime(2009, 1, 2, 3, 4, 5)), "7", Tl1CompletionCode.Denied, "IPNV",
            ["got 'a*/b'\r\nnext\nline"], [], More: false);

        string text = Written(o => Tl1Writer.Write(o, response));

        Assert.Equal("\r\n\n   GGN 09-01-02 03:04:05\r\nM  7 DENY\r\n   IPNV\r\n   /* got 'a* /b' next line */\r\n;", text);
        var parser = new Tl1MessageParser();
        Assert.True(parser.TryParse(new System.Buffers.ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), out _, out _, out var message, out var error));
        Assert.Null(error);
        Assert.Equal("got 'a* /b' next line", Assert.Single(Assert.IsType<Tl1Response>(message).Comments));
    }

    [Fact]
    public void Write_Autonomous_ExactBytes()
    {
        var message = new Tl1AutonomousMessage(new Tl1Header("PXC", new DateTime(2031, 12, 31, 23, 59, 58)), Tl1AlarmCode.Critical, 12,
            "REPT ALM EQPT", ["1.1a.1:CR,LOS,SA"]);
        Assert.Equal("\r\n\n   PXC 31-12-31 23:59:58\r\n*C 12 REPT ALM EQPT\r\n   \"1.1a.1:CR,LOS,SA\"\r\n;", Written(o => Tl1Writer.Write(o, message)));
    }

    [Theory]
    [InlineData(Tl1AckCode.InProgress, "IP 5\r\n<")]
    [InlineData(Tl1AckCode.PrintoutFollows, "PF 5\r\n<")]
    [InlineData(Tl1AckCode.Ok, "OK 5\r\n<")]
    [InlineData(Tl1AckCode.NoAcknowledgment, "NA 5\r\n<")]
    [InlineData(Tl1AckCode.NoGood, "NG 5\r\n<")]
    [InlineData(Tl1AckCode.RepeatLater, "RL 5\r\n<")]
    public void Write_Acknowledgment_ExactBytes(Tl1AckCode code, string expected)
    {
        Assert.Equal(expected, Written(o => Tl1Writer.Write(o, new Tl1Acknowledgment(code, "5"))));
    }

    [Fact]
    public void Write_GlimmerglassConnect_OmitsTrailingEmptyBlocks()
    {
        var command = new Tl1Command("ENT-CRS-FIBER", "", "10001,20002", "5");
        Assert.Equal("ENT-CRS-FIBER::10001,20002:5;", Written(o => Tl1Writer.Write(o, command)));
    }

    [Fact]
    public void Write_CalientConnect_KeepsEmptyGeneralBlock()
    {
        var command = new Tl1Command("ENT-CRS", "", "10.13a.1,10.13a.2", "3", "", [",2WAY,CONN1"]);
        Assert.Equal("ENT-CRS::10.13a.1,10.13a.2:3::,2WAY,CONN1;", Written(o => Tl1Writer.Write(o, command)));
    }

    [Fact]
    public void Write_KeepAlive_KeepsFourBlocks()
    {
        Assert.Equal("RTRV-HDR:::12;", Written(o => Tl1Writer.Write(o, new Tl1Command("RTRV-HDR", "", "", "12"))));
        Assert.Equal("RTRV-HDR:::;", Written(o => Tl1Writer.Write(o, new Tl1Command("RTRV-HDR", "", "", ""))));
    }

    [Fact]
    public void Write_EmptyPayloadInTheMiddle_KeepsAdjacentColons()
    {
        var command = new Tl1Command("ED-X", "NE1", "A", "1", "", ["", "B=2", "", ""]);
        Assert.Equal("ED-X:NE1:A:1:::B=2;", Tl1Writer.ToText(command));
    }

    [Fact]
    public void Redact_ActUser_HidesPassword()
    {
        var login = new Tl1Command("ACT-USER", "", "admin", "1", "", ["s3cret"]);
        Assert.Equal("ACT-USER::admin:1::s3cret;", Tl1Writer.ToText(login));
        Assert.Equal("ACT-USER::admin:1::********;", Tl1Writer.Redact(login));
        Assert.DoesNotContain("s3cret", Tl1Writer.Redact(login with { Code = "act-user" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_OtherCommand_Unchanged()
    {
        var command = new Tl1Command("ENT-CRS", "", "1.1a.1,1.1a.2", "3", "", ["G,2WAY"]);
        Assert.Equal(Tl1Writer.ToText(command), Tl1Writer.Redact(command));
    }

    [Fact]
    public void ToText_EachMessage_MatchesWrittenBytes()
    {
        foreach (var (_, text, message) in Tl1Samples.All)
        {
            string actual = message switch
            {
                Tl1Response r => Tl1Writer.ToText(r),
                Tl1Acknowledgment a => Tl1Writer.ToText(a),
                Tl1AutonomousMessage m => Tl1Writer.ToText(m),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(text, actual);
        }
    }

    [Fact]
    public void Write_NonAscii_BecomesQuestionMark()
    {
        Assert.Equal("RTRV-X:::1::caf?;", Written(o => Tl1Writer.Write(o, new Tl1Command("RTRV-X", "", "", "1", "", ["café"]))));
    }

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Encoding.Latin1.GetString(output.WrittenSpan);
    }
}
