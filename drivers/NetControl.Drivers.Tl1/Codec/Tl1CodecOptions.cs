namespace NetControl.Drivers.Tl1.Codec;

/// <summary>Limits of the TL1 parsers.</summary>
public sealed record Tl1CodecOptions
{
    /// <summary>The defaults: messages up to 1 MiB.</summary>
    public static Tl1CodecOptions Default { get; } = new();

    /// <summary>
    /// The longest message or command, in bytes, a parser buffers while waiting for its terminator; a longer one is
    /// reported as a parse error and skipped. Must be positive.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 1 << 20;

    internal int ValidatedMaxMessageBytes()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes);
        return MaxMessageBytes;
    }
}
