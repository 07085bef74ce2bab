using System.Buffers;
using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Property tests: whatever valid value is written, the parser reads back the same value.</summary>
public class Tl1RoundTripTests
{
    [Fact]
    public void WriteThenParse_RandomCommands_SameCommands()
    {
        var generator = new Tl1Generator(20240305);
        var parser = new Tl1CommandParser();
        for (int i = 0; i < 1000; i++)
        {
            var command = generator.Command();
            var output = new ArrayBufferWriter<byte>();
            Tl1Writer.Write(output, command);
            var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
            Assert.True(parser.TryParse(buffer, out var consumed, out _, out var parsed, out var error), Tl1Writer.ToText(command));
            Assert.True(error is null, $"{error?.Message} in {Tl1Writer.ToText(command)}");
            Assert.Equal(Tl1Describe.Of(command), Tl1Describe.Of(parsed));
            Assert.True(parsed!.Payload.SequenceEqual(command.Payload));
            Assert.Equal(buffer.End, consumed);
        }
    }

    [Fact]
    public void WriteThenParse_RandomMessages_SameMessages()
    {
        var generator = new Tl1Generator(831);
        var parser = new Tl1MessageParser();
        for (int i = 0; i < 1000; i++)
        {
            var message = generator.Message();
            string text = MessageText.Of(message);
            var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text));
            Assert.True(parser.TryParse(buffer, out var consumed, out _, out var parsed, out var error), text);
            Assert.True(error is null, $"{error?.Message} in {text}");
            Assert.Equal(Tl1Describe.Of(message), Tl1Describe.Of(parsed));
            AssertSameArrays(message, parsed!);
            Assert.Equal(buffer.End, consumed);
        }
    }

    [Fact]
    public void WriteThenParse_RandomSessionsInRandomReads_SameMessagesInOrder()
    {
        var generator = new Tl1Generator(2026);
        for (int run = 0; run < 100; run++)
        {
            var messages = Enumerable.Range(0, generator.Random.Next(1, 8)).Select(_ => generator.Message()).ToList();
            string stream = string.Concat(messages.Select(m => generator.Noise() + MessageText.Of(m))) + generator.Noise();
            var feed = Tl1Feeds.Messages(Tl1MessageParserChunkingTests.Chunk(Encoding.ASCII.GetBytes(stream), generator.Random));
            Assert.Equal(messages.Select(Tl1Describe.Of), Tl1Feeds.Describe(feed));
        }
    }

    [Fact]
    public void WriteThenParse_RandomCommandStreamsByteByByte_SameCommands()
    {
        var generator = new Tl1Generator(7);
        for (int run = 0; run < 50; run++)
        {
            var commands = Enumerable.Range(0, generator.Random.Next(1, 6)).Select(_ => generator.Command()).ToList();
            string stream = string.Concat(commands.Select(c => Tl1Writer.ToText(c) + (generator.Random.Next(2) == 0 ? "\r\n" : " ")));
            var feed = Tl1Feeds.Commands(Tl1Feeds.ByteByByte(stream));
            Assert.Empty(feed.Errors);
            Assert.Equal(commands.Select(Tl1Describe.Of), feed.Items.Select(Tl1Describe.Of));
        }
    }

    private static void AssertSameArrays(Tl1Message expected, Tl1Message actual)
    {
        switch (expected, actual)
        {
            case (Tl1Response e, Tl1Response a):
                Assert.True(e.Comments.SequenceEqual(a.Comments));
                Assert.True(e.Lines.SequenceEqual(a.Lines));
                Assert.Equal(e.Header, a.Header);
                break;
            case (Tl1AutonomousMessage e, Tl1AutonomousMessage a):
                Assert.True(e.Lines.SequenceEqual(a.Lines));
                Assert.Equal(e.Header, a.Header);
                break;
            case (Tl1Acknowledgment e, Tl1Acknowledgment a):
                Assert.Equal(e, a);
                break;
            default:
                Assert.Fail($"expected a {expected.GetType().Name}, read a {actual.GetType().Name}");
                break;
        }
    }
}
