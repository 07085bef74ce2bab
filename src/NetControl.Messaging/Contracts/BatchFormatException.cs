namespace NetControl.Messaging.Contracts;

/// <summary>A well-formed JSON payload that is not a valid batch: what is wrong and where (internal to decoding).</summary>
internal sealed class BatchFormatException(DecodeErrorKind kind, string path, long? bytePosition, string detail) : Exception(detail)
{
    public DecodeErrorKind Kind { get; } = kind;

    public string Path { get; } = path;

    public long? BytePosition { get; } = bytePosition;
}
