namespace NetControl.Probes.Stamp;

/// <summary>What is wrong with a STAMP test packet that failed to decode.</summary>
public enum StampDecodeErrorKind
{
    /// <summary>The datagram ends before a field of the 44-byte base packet.</summary>
    TooShort,

    /// <summary>A must-be-zero field is not zero (strict decoding only; lenient decoding ignores MBZ, RFC 8762).</summary>
    NonZeroMbz,

    /// <summary>An error estimate has a zero multiplier (strict decoding only; RFC 4656 forbids it).</summary>
    ZeroErrorMultiplier,
}
