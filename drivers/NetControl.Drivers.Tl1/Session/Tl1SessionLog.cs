using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>Source-generated log messages of <see cref="Tl1Session"/> (event ids 3100-3199). Commands are logged redacted.</summary>
internal static partial class Tl1SessionLog
{
    [LoggerMessage(3100, LogLevel.Information, "{Device}: connected over {Transport}, logged in as {User}")]
    public static partial void Connected(ILogger logger, string device, string transport, string user);

    [LoggerMessage(3101, LogLevel.Warning, "{Device}: connection lost: {Reason}; reconnecting in {DelayMs} ms")]
    public static partial void ConnectionLost(ILogger logger, string device, string reason, double delayMs);

    [LoggerMessage(3102, LogLevel.Debug, "{Device}: > {Command}")]
    public static partial void Sent(ILogger logger, string device, string command);

    [LoggerMessage(3103, LogLevel.Warning, "{Device}: response for ctag {Ctag} that nothing awaits (late after a timeout, or unknown): {Code}")]
    public static partial void LateResponse(ILogger logger, string device, string ctag, string code);

    [LoggerMessage(3104, LogLevel.Warning, "{Device}: unreadable TL1 from the device: {Error} near '{Excerpt}'")]
    public static partial void ParseError(ILogger logger, string device, string error, string excerpt);

    [LoggerMessage(3105, LogLevel.Warning, "{Device}: autonomous messages lost: {Reason}; resync requested")]
    public static partial void ResyncNeeded(ILogger logger, string device, string reason);

    [LoggerMessage(3106, LogLevel.Warning, "{Device}: keep-alive failed: {Reason}; breaking the connection")]
    public static partial void KeepAliveFailed(ILogger logger, string device, string reason);

    [LoggerMessage(3107, LogLevel.Information, "{Device}: {Command} denied PLNA right after login; retrying once in {DelayMs} ms")]
    public static partial void RetryAfterPlna(ILogger logger, string device, string command, double delayMs);

    [LoggerMessage(3108, LogLevel.Warning, "{Device}: {Command} denied PLNA again: the element has dropped the login; reconnecting to log in again")]
    public static partial void LoginLost(ILogger logger, string device, string command);
}
