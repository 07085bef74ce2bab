namespace NetControl.Probes.Stamp;

/// <summary>Bounds and MBZ checks shared by the packet decoders, producing the typed error.</summary>
internal static class StampFields
{
    public static bool Fits(ReadOnlySpan<byte> source, int offset, int size, string field, out StampDecodeError? error)
    {
        error = source.Length >= offset + size ? null : new StampDecodeError(StampDecodeErrorKind.TooShort, field, offset, source.Length);
        return error is null;
    }

    public static bool IsZero(ReadOnlySpan<byte> source, int offset, int size, string field, out StampDecodeError? error)
    {
        var at = source.Slice(offset, size).IndexOfAnyExcept((byte)0);
        error = at < 0 ? null : new StampDecodeError(StampDecodeErrorKind.NonZeroMbz, field, offset + at, source.Length);
        return error is null;
    }

    public static bool HasMultiplier(ErrorEstimate estimate, int offset, string field, int length, out StampDecodeError? error)
    {
        error = estimate.Multiplier != 0 ? null : new StampDecodeError(StampDecodeErrorKind.ZeroErrorMultiplier, field, offset + 1, length);
        return error is null;
    }
}
