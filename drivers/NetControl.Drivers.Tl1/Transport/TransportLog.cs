using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>Source-generated log messages of the TL1 transports (event ids 3000-3099). Credentials are never logged.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(3000, LogLevel.Debug, "{Transport}: channel open")]
    public static partial void Connected(ILogger logger, string transport);

    [LoggerMessage(3001, LogLevel.Debug, "{Transport}: channel closed")]
    public static partial void Closed(ILogger logger, string transport);

    [LoggerMessage(3002, LogLevel.Warning, "{Transport}: accepting SSH host key {Algorithm} SHA256:{Fingerprint} without verification (set ExpectedHostKeySha256 to pin it)")]
    public static partial void HostKeyNotVerified(ILogger logger, string transport, string algorithm, string fingerprint);

    [LoggerMessage(3003, LogLevel.Warning, "{Transport}: rejected a connection to the local forwarding port from {Originator}: only this channel may use it")]
    public static partial void ForeignForwardingClient(ILogger logger, string transport, string originator);

    [LoggerMessage(3004, LogLevel.Debug, "{Transport}: SSH reported {Error}")]
    public static partial void SshError(ILogger logger, string transport, string error);

    [LoggerMessage(3005, LogLevel.Debug, "{Transport}: the SSH client is closed in the background (the connection failed or its teardown is slow)")]
    public static partial void SlowSshTeardown(ILogger logger, string transport);
}
