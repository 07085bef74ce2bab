namespace NetControl.Probes.Stamp;

/// <summary>
/// The 16-bit STAMP/TWAMP error estimate (RFC 4656 section 4.1.2, RFC 8762 section 4.1.1):
/// <c>S(1) Z(1) Scale(6) Multiplier(8)</c>. S says the clock is synchronised to UTC, Z says the timestamps are in PTP
/// rather than NTP format, and the estimated error is Multiplier * 2^-32 * 2^Scale seconds.
/// </summary>
public readonly record struct ErrorEstimate
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 2;

    /// <summary>Builds an estimate from its fields.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is above 63.</exception>
    public ErrorEstimate(bool synchronized, bool ptpFormat, byte scale, byte multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, (byte)63);
        Synchronized = synchronized;
        PtpFormat = ptpFormat;
        Scale = scale;
        Multiplier = multiplier;
    }

    /// <summary>What this implementation sends: not synchronised, NTP format, 1 * 2^-32 * 2^20 s (about 244 us).</summary>
    public static ErrorEstimate Default { get; } = new(false, false, 20, 1);

    /// <summary>S bit: the sender's clock is synchronised to UTC by an external source.</summary>
    public bool Synchronized { get; }

    /// <summary>Z bit: timestamps are PTP (seconds since 1970 + nanoseconds) rather than NTP format.</summary>
    public bool PtpFormat { get; }

    /// <summary>Scale, 0..63: the power of two applied to the multiplier.</summary>
    public byte Scale { get; }

    /// <summary>Multiplier; RFC 4656 says it must not be zero (strict decoding rejects zero).</summary>
    public byte Multiplier { get; }

    /// <summary>The raw 16-bit wire value.</summary>
    public ushort Value => (ushort)((Synchronized ? 0x8000 : 0) | (PtpFormat ? 0x4000 : 0) | (Scale << 8) | Multiplier);

    /// <summary>The estimated error in seconds: Multiplier * 2^(Scale - 32).</summary>
    public double Seconds => Math.ScaleB(Multiplier, Scale - 32);

    /// <summary>Decodes a raw 16-bit value (every value is representable).</summary>
    public static ErrorEstimate FromValue(ushort value) =>
        new((value & 0x8000) != 0, (value & 0x4000) != 0, (byte)((value >> 8) & 0x3F), (byte)value);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"S={(Synchronized ? 1 : 0)} Z={(PtpFormat ? 1 : 0)} {Multiplier}*2^{Scale - 32}s");
}
