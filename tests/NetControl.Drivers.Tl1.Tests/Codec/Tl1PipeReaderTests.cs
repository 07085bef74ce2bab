using System.IO.Pipelines;
using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

public sealed class Tl1PipeReaderTests
{
    [Fact]
    public async Task ReadAllAsync_StreamEndsInsideAMessage_ReportsAParseErrorAfterTheWholeMessages()
    {
        string whole = Tl1Samples.Get("compld-empty").Text;
        var seen = await ReadAsync(whole + "\r\n\n   GGN 24-03-05 14:02:11\r\nM  13 COMPLD\r\n   \"GGN:PORTID=1");

        Assert.Equal(2, seen.Count);
        Assert.IsType<Tl1Response>(seen[0].Message);
        var error = Assert.IsType<Tl1ParseError>(seen[1].Error);
        Assert.StartsWith("input ended in the middle of a message", error.Message, StringComparison.Ordinal);
        Assert.Contains("GGN 24-03-05 14:02:11\\r\\nM  13 COMPLD", error.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_StreamEndsAfterWhitespaceAndPrompt_NoError()
    {
        var seen = await ReadAsync(Tl1Samples.Get("compld-empty").Text + "\r\n<\r\n");

        Assert.IsType<Tl1Response>(Assert.Single(seen).Message);
    }

    private static async Task<List<(Tl1Message? Message, Tl1ParseError? Error)>> ReadAsync(string text)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(text));
        await pipe.Writer.CompleteAsync();
        var seen = new List<(Tl1Message?, Tl1ParseError?)>();
        await Tl1PipeReader.ReadAllAsync<Tl1Message>(
            pipe.Reader,
            new Tl1MessageParser().TryParse,
            (message, error) =>
            {
                seen.Add((message, error));
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        return seen;
    }
}
