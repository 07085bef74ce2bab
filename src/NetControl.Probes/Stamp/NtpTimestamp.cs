namespace NetControl.Probes.Stamp;

/// <summary>
/// A 64-bit NTP timestamp as carried in STAMP and TWAMP test packets (RFC 5905 section 6): 32-bit seconds since
/// 1900-01-01 UTC and a 32-bit binary fraction of a second (one unit is about 233 ps). The seconds field wraps in
/// February 2036; conversions use the RFC 4330 convention (a clear top bit means era 1), so the representable range
/// is 1968-01-20 to 2104-02-07. Conversions round to the nearest unit, so tick and nanosecond values survive a round
/// trip exactly.
/// </summary>
public readonly record struct NtpTimestamp(uint Seconds, uint Fraction)
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 8;

    /// <summary>Seconds from 1900-01-01 (NTP prime epoch) to 1970-01-01 (Unix epoch).</summary>
    public const long UnixEpochOffsetSeconds = 2_208_988_800;

    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long FractionUnitsPerSecond = 1L << 32;

    /// <summary>The raw 64-bit value (seconds in the high half), as it appears on the wire.</summary>
    public ulong Value => ((ulong)Seconds << 32) | Fraction;

    /// <summary>Builds a timestamp from its raw 64-bit wire value.</summary>
    public static NtpTimestamp FromValue(ulong value) => new((uint)(value >> 32), (uint)value);

    /// <summary>Converts nanoseconds since the Unix epoch (as a kernel timespec gives them) to NTP format.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside 1968-01-20 .. 2104-02-07.</exception>
    public static NtpTimestamp FromUnixNanoseconds(long unixNanoseconds)
    {
        var seconds = Math.DivRem(unixNanoseconds, NanosecondsPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += NanosecondsPerSecond;
        }

        return FromSecondsAndRemainder(seconds, remainder, NanosecondsPerSecond);
    }

    /// <summary>Converts a <see cref="DateTimeOffset"/> (100 ns ticks) to NTP format.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside 1968-01-20 .. 2104-02-07.</exception>
    public static NtpTimestamp FromDateTimeOffset(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        return FromSecondsAndRemainder(seconds, remainder, TimeSpan.TicksPerSecond);
    }

    /// <summary>Nanoseconds since the Unix epoch, rounded to the nearest nanosecond.</summary>
    public long ToUnixNanoseconds() => (UnixSeconds() * NanosecondsPerSecond) + (long)((((ulong)Fraction * NanosecondsPerSecond) + (1UL << 31)) >> 32);

    /// <summary>The instant as a UTC <see cref="DateTimeOffset"/>, rounded to the nearest 100 ns tick.</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        var ticks = (UnixSeconds() * TimeSpan.TicksPerSecond) + (long)((((ulong)Fraction * TimeSpan.TicksPerSecond) + (1UL << 31)) >> 32);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }

    /// <summary>
    /// <paramref name="later"/> minus <paramref name="earlier"/> in nanoseconds (rounded). Works across the 2036 wrap
    /// as long as the two are less than 68 years apart.
    /// </summary>
    public static long DifferenceInNanoseconds(NtpTimestamp later, NtpTimestamp earlier)
    {
        var units = (long)(later.Value - earlier.Value);
        var scaled = ((Int128)units * NanosecondsPerSecond) + (1L << 31);
        return (long)(scaled >> 32);
    }

    /// <summary>Writes the 8 bytes big-endian.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 8 bytes.</exception>
    public void WriteTo(Span<byte> destination) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination, Value);

    /// <summary>Reads 8 bytes big-endian (the caller checks the length).</summary>
    public static NtpTimestamp ReadFrom(ReadOnlySpan<byte> source) => FromValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(source));

    /// <inheritdoc/>
    public override string ToString() => ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private long UnixSeconds()
    {
        // RFC 4330 section 3: a clear most significant bit means the seconds count from 2036-02-07 (era 1).
        long ntpSeconds = (Seconds & 0x8000_0000u) == 0 ? Seconds + FractionUnitsPerSecond : Seconds;
        return ntpSeconds - UnixEpochOffsetSeconds;
    }

    private static NtpTimestamp FromSecondsAndRemainder(long unixSeconds, long remainder, long unitsPerSecond)
    {
        var fraction = (((ulong)remainder << 32) + ((ulong)unitsPerSecond / 2)) / (ulong)unitsPerSecond;
        if (fraction == (ulong)FractionUnitsPerSecond)
        {
            fraction = 0;
            unixSeconds++;
        }

        var ntpSeconds = unixSeconds + UnixEpochOffsetSeconds;
        if (ntpSeconds < 0x8000_0000L || ntpSeconds >= 0x8000_0000L + FractionUnitsPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(unixSeconds), "NTP timestamps (RFC 4330 eras 0 and 1) cover 1968-01-20 to 2104-02-07 only");
        }

        return new NtpTimestamp((uint)ntpSeconds, (uint)fraction);
    }
}
