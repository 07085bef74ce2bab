using Microsoft.Extensions.Logging;
using NetControl.Probes.Stamp;

namespace NetControl.Probes.Sessions;

internal static partial class StampLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "STAMP reflector listening on {EndPoint} (receive clock {Clock}, TTL {Ttl})")]
    public static partial void ReflectorStarted(ILogger logger, string endPoint, Timestamps.ReceiveClock clock, string ttl);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "STAMP datagram from {Source} dropped: {Error}")]
    public static partial void Malformed(ILogger logger, string source, StampDecodeError error);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "STAMP send to {Target} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string target, string error);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Error, Message = "STAMP receive loop on {EndPoint}: unexpected error, continuing: {Error}")]
    public static partial void LoopError(ILogger logger, string endPoint, string error);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "STAMP session {Ssid} from {Local} to {Target}: every {Interval}, {Size} bytes, Tmax {Tmax}, receive clock {Clock}")]
    public static partial void SenderStarted(ILogger logger, ushort ssid, string local, string target, TimeSpan interval, int size, TimeSpan tmax, Timestamps.ReceiveClock clock);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Debug, Message = "STAMP reply from {Source} ignored: {Reason}")]
    public static partial void ReplyIgnored(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "STAMP session {Ssid}: sent {Sent}, received {Received}, lost {Lost} ({LossRatio:P2}), RTT median {Median}, jitter {Jitter}, clock {Clock}")]
    public static partial void Interval(ILogger logger, ushort ssid, long sent, long received, long lost, double lossRatio, TimeSpan? median, TimeSpan? jitter, Timestamps.ReceiveClock clock);
}
