using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.StoreAndForward;

/// <summary>Source-generated log messages of the store-and-forward journal (event ids 6200-6299).</summary>
internal static partial class StoreAndForwardLog
{
    [LoggerMessage(6200, LogLevel.Information, "journal {Path}: {Pending} unacknowledged summaries to resend, next sequence {NextSequence}")]
    public static partial void Opened(ILogger logger, string path, int pending, long nextSequence);

    [LoggerMessage(6201, LogLevel.Warning, "journal {Path}: damaged or truncated records at offset {Offset}, {Length} bytes skipped")]
    public static partial void Corrupt(ILogger logger, string path, long offset, long length);

    [LoggerMessage(6202, LogLevel.Warning, "store-and-forward full ({Limit} summaries): dropped the oldest, sequence {Sequence}; {Total} dropped so far")]
    public static partial void Dropped(ILogger logger, int limit, long sequence, long total);

    [LoggerMessage(6203, LogLevel.Debug, "journal {Path} compacted: {Live} summaries kept")]
    public static partial void Compacted(ILogger logger, string path, int live);
}
