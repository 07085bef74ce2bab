using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Shortcuts that run the parsers over text through a <see cref="PipeFeed{T}"/>.</summary>
internal static class Tl1Feeds
{
    public static PipeFeed<Tl1Message> Messages(string text, Tl1CodecOptions? options = null) =>
        Messages([Segments.Bytes(text)], options);

    public static PipeFeed<Tl1Message> Messages(IEnumerable<byte[]> chunks, Tl1CodecOptions? options = null) =>
        PipeFeed<Tl1Message>.Run(new Tl1MessageParser(options).TryParse, chunks);

    public static PipeFeed<Tl1Command> Commands(string text, Tl1CodecOptions? options = null) =>
        Commands([Segments.Bytes(text)], options);

    public static PipeFeed<Tl1Command> Commands(IEnumerable<byte[]> chunks, Tl1CodecOptions? options = null) =>
        PipeFeed<Tl1Command>.Run(new Tl1CommandParser(options).TryParse, chunks);

    /// <summary>Each byte of <paramref name="text"/> as its own chunk.</summary>
    public static IEnumerable<byte[]> ByteByByte(string text) => Segments.Bytes(text).Select(b => new[] { b });

    /// <summary>The results as described strings: messages by <see cref="Tl1Describe"/>, errors as "error: message".</summary>
    public static string[] Describe(PipeFeed<Tl1Message> feed) =>
        [.. feed.Results.Select(r => r.Item is not null ? Tl1Describe.Of(r.Item) : "error: " + r.Error!.Message)];
}
