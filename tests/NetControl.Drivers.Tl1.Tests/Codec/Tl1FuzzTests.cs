using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>
/// Random and mutated input, fed as a pipe reader would: the parsers never throw, always finish, and each result is a
/// message or an error, never both (<see cref="PipeFeed{T}"/> checks every call).
/// </summary>
public class Tl1FuzzTests
{
    /// <summary>Bytes that matter to TL1, weighted so random input often looks almost right.</summary>
    private static readonly byte[] Alphabet = Encoding.ASCII.GetBytes(";;>><<\"\"\"\\\\\r\r\n\n\n    ::,,=*/*/MA CI0123456789-");

    [Fact]
    public void TryParse_RandomBytes_NeverThrowsAlwaysEnds()
    {
        var random = new Random(1);
        for (int run = 0; run < 3000; run++)
        {
            byte[] input = RandomBytes(random, random.Next(0, 400));
            Feed(input, random, maxMessageBytes: random.Next(2) == 0 ? 1 << 20 : random.Next(1, 120));
        }
    }

    [Fact]
    public void TryParse_MutatedMessages_NeverThrowsAndValidTailSurvives()
    {
        var generator = new Tl1Generator(42);
        var random = generator.Random;
        for (int run = 0; run < 3000; run++)
        {
            byte[] valid = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => generator.Noise() + MessageText.Of(generator.Message()))));
            byte[] mutated = Mutate(valid, random);
            var tail = generator.Message();
            byte[] input = [.. mutated, .. Encoding.ASCII.GetBytes(";\r\n\n" + MessageText.Of(tail))];
            var feed = Feed(input, random, maxMessageBytes: 1 << 20);
            if (tail is not Tl1Acknowledgment)
            {
                // A terminator and a blank line resynchronise: the message after the damage is read intact.
                Assert.Equal(Tl1Describe.Of(tail), Tl1Describe.Of(feed.Items.LastOrDefault()));
            }
        }
    }

    [Fact]
    public void TryParse_MutatedCommands_NeverThrowsAlwaysEnds()
    {
        var generator = new Tl1Generator(43);
        var random = generator.Random;
        for (int run = 0; run < 3000; run++)
        {
            byte[] valid = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Tl1Writer.ToText(generator.Command()) + "\r\n")));
            byte[] input = random.Next(5) == 0 ? RandomBytes(random, random.Next(0, 300)) : Mutate(valid, random);
            var feed = PipeFeed<Tl1Command>.Run(
                new Tl1CommandParser(new Tl1CodecOptions { MaxMessageBytes = random.Next(2) == 0 ? 1 << 20 : random.Next(1, 80) }).TryParse,
                Tl1MessageParserChunkingTests.Chunk(input, random));
            Assert.True(feed.Results.Count <= input.Length);
        }
    }

    [Fact]
    public void TryParse_EveryPrefixOfEverySample_NeverErrors()
    {
        foreach (var (_, text, _) in Tl1Samples.All)
        {
            for (int length = 0; length < text.Length; length++)
            {
                var feed = Tl1Feeds.Messages(text[..length]);
                Assert.Empty(feed.Errors);
                Assert.True(feed.Items.Count() <= 1); // only an acknowledgment may be complete before its prompt
            }
        }
    }

    private static PipeFeed<Tl1Message> Feed(byte[] input, Random random, int maxMessageBytes)
    {
        var options = new Tl1CodecOptions { MaxMessageBytes = maxMessageBytes };
        var feed = PipeFeed<Tl1Message>.Run(new Tl1MessageParser(options).TryParse, Tl1MessageParserChunkingTests.Chunk(input, random));
        Assert.True(feed.Results.Count <= input.Length);
        Assert.True(feed.Pending <= input.Length);
        return feed;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = random.Next(4) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)];
        }

        return bytes;
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        int mutations = random.Next(1, 6);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 2:
                    bytes.InsertRange(at, RandomBytes(random, random.Next(1, 8)));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 8)));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
            }
        }

        return [.. bytes];
    }
}
