using NetControl.Drivers.Tl1.Codec;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>However the bytes are split into segments and reads, the parser reads the same messages.</summary>
public class Tl1MessageParserChunkingTests
{
    /// <summary>A Glimmerglass session: echo, acknowledgment, response, prompt, an alarm, another echo and a denial.</summary>
    private static readonly string Session =
        "RTRV-CRS-FIBER::all:7;\r\nIP 7\r\n<" + Tl1Samples.Get("glimmerglass-rtrv-crs-fiber").Text + "\r\n<"
        + Tl1Samples.Get("rept-alm-los").Text + "ENT-CRS-FIBER::30001,20002:9;" + Tl1Samples.Get("deny-iiac").Text + "\r\n<";

    private static readonly string[] SessionMessages =
    [
        "ack | InProgress | 7",
        Tl1Describe.Of(Tl1Samples.Get("glimmerglass-rtrv-crs-fiber").Message),
        Tl1Describe.Of(Tl1Samples.Get("rept-alm-los").Message),
        Tl1Describe.Of(Tl1Samples.Get("deny-iiac").Message),
    ];

    [Theory]
    [MemberData(nameof(Tl1Samples.Names), MemberType = typeof(Tl1Samples))]
    public void TryParse_EveryTwoSegmentSplit_SameMessage(string name)
    {
        var (_, text, expected) = Tl1Samples.Get(name);
        byte[] bytes = Segments.Bytes(text);
        var parser = new Tl1MessageParser();
        for (int split = 0; split <= bytes.Length; split++)
        {
            var buffer = Segments.Of(bytes[..split], bytes[split..]);
            Assert.True(parser.TryParse(buffer, out var consumed, out _, out var message, out var error), $"split {split}");
            Assert.Null(error);
            Assert.Equal(Tl1Describe.Of(expected), Tl1Describe.Of(message));
            Assert.Equal(buffer.End, consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Tl1Samples.Names), MemberType = typeof(Tl1Samples))]
    public void TryParse_EveryTwoReadSplit_SameMessage(string name)
    {
        var (_, text, expected) = Tl1Samples.Get(name);
        byte[] bytes = Segments.Bytes(text);
        for (int split = 0; split <= bytes.Length; split++)
        {
            var feed = Tl1Feeds.Messages([bytes[..split], bytes[split..]]);
            Assert.Equal([Tl1Describe.Of(expected)], Tl1Feeds.Describe(feed));
        }
    }

    [Theory]
    [MemberData(nameof(Tl1Samples.Names), MemberType = typeof(Tl1Samples))]
    public void TryParse_ByteByByte_SameMessage(string name)
    {
        var (_, text, expected) = Tl1Samples.Get(name);
        Assert.Equal([Tl1Describe.Of(expected)], Tl1Feeds.Describe(Tl1Feeds.Messages(Tl1Feeds.ByteByByte(text))));
    }

    [Fact]
    public void TryParse_SessionEverySplitAndByteByByte_SameMessages()
    {
        byte[] bytes = Segments.Bytes(Session);
        Assert.Equal(SessionMessages, Tl1Feeds.Describe(Tl1Feeds.Messages(Tl1Feeds.ByteByByte(Session))));
        for (int split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(SessionMessages, Tl1Feeds.Describe(Tl1Feeds.Messages([bytes[..split], bytes[split..]])));
        }
    }

    [Fact]
    public void TryParse_SessionRandomReads_SameMessages()
    {
        var random = new Random(831);
        byte[] bytes = Segments.Bytes(Session);
        for (int run = 0; run < 200; run++)
        {
            Assert.Equal(SessionMessages, Tl1Feeds.Describe(Tl1Feeds.Messages(Chunk(bytes, random))));
        }
    }

    [Fact]
    public void TryParse_CommandParserEveryTwoReadSplit_SameCommands()
    {
        const string text = " act-user::admin:1::\"pa;ss\";\r\nENT-CRS-FIBER::10001&10002,20002&20001:2;\r\nRTRV-HDR:::3;";
        byte[] bytes = Segments.Bytes(text);
        string[] expected =
        [
            "ACT-USER |  | admin | 1 |  | payload[\"pa;ss\"]",
            "ENT-CRS-FIBER |  | 10001&10002,20002&20001 | 2 |  | payload[]",
            "RTRV-HDR |  |  | 3 |  | payload[]",
        ];
        Assert.Equal(expected, Tl1Feeds.Commands(Tl1Feeds.ByteByByte(text)).Items.Select(Tl1Describe.Of));
        for (int split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(expected, Tl1Feeds.Commands([bytes[..split], bytes[split..]]).Items.Select(Tl1Describe.Of));
        }
    }

    /// <summary>Splits <paramref name="bytes"/> into reads of 1 to 16 bytes.</summary>
    internal static IEnumerable<byte[]> Chunk(byte[] bytes, Random random)
    {
        for (int at = 0; at < bytes.Length;)
        {
            int length = Math.Min(bytes.Length - at, random.Next(1, 17));
            yield return bytes[at..(at + length)];
            at += length;
        }
    }
}
