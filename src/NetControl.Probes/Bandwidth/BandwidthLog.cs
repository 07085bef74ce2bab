using Microsoft.Extensions.Logging;

namespace NetControl.Probes.Bandwidth;

internal static partial class BandwidthLog
{
    [LoggerMessage(EventId = 6801, Level = LogLevel.Debug, Message = "bandwidth fleet at {Rate} bit/s: {Verdict} ({Increasing} increasing, {NonIncreasing} non-increasing, {Ambiguous} ambiguous)")]
    public static partial void Fleet(ILogger logger, double rate, FleetVerdict verdict, int increasing, int nonIncreasing, int ambiguous);

    [LoggerMessage(EventId = 6802, Level = LogLevel.Information, Message = "available bandwidth {Low}-{High} bit/s ({Reason}, {Fleets} fleets, {Bytes} bytes, {Clock})")]
    public static partial void Estimated(ILogger logger, double low, double high, EstimateStopReason reason, int fleets, long bytes, ReceiveTimestampClock clock);

    [LoggerMessage(EventId = 6803, Level = LogLevel.Warning, Message = "bandwidth stream at {Rate} bit/s paced only {Achieved} bit/s: sender-limited")]
    public static partial void SenderLimited(ILogger logger, double rate, double achieved);

    [LoggerMessage(EventId = 6804, Level = LogLevel.Debug, Message = "bandwidth stream {Stream}: no report from {Receiver}, attempt {Attempt}")]
    public static partial void ReportRetry(ILogger logger, uint stream, string receiver, int attempt);

    [LoggerMessage(EventId = 6805, Level = LogLevel.Information, Message = "bandwidth stream receiver listening on {Endpoint} ({Clock})")]
    public static partial void ReceiverStarted(ILogger logger, string endpoint, ReceiveTimestampClock clock);

    [LoggerMessage(EventId = 6806, Level = LogLevel.Debug, Message = "bandwidth stream receiver: ignored {Length}-byte datagram from {Remote}")]
    public static partial void Ignored(ILogger logger, int length, string remote);

    [LoggerMessage(EventId = 6807, Level = LogLevel.Error, Message = "bandwidth stream receiver on {Endpoint} stopped: {Error}")]
    public static partial void ReceiverFailed(ILogger logger, string endpoint, string error);
}
