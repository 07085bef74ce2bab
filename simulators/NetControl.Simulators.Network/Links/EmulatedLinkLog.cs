using System.Net;
using Microsoft.Extensions.Logging;

namespace NetControl.Simulators.Network.Links;

/// <summary>The emulated links' log messages (event ids 4000-4049).</summary>
internal static partial class EmulatedLinkLog
{
    [LoggerMessage(4000, LogLevel.Information, "link {Link}: relay listening on udp/{Endpoint}, forwarding to {Target}")]
    public static partial void Started(ILogger logger, string link, EndPoint endpoint, EndPoint target);

    [LoggerMessage(4001, LogLevel.Information, "link {Link}: relay stopped")]
    public static partial void Stopped(ILogger logger, string link);

    [LoggerMessage(4002, LogLevel.Information, "link {Link}: new client {Client} mapped to outside port {Port}")]
    public static partial void ClientMapped(ILogger logger, string link, EndPoint client, int port);

    [LoggerMessage(4003, LogLevel.Warning, "link {Link}: dropped a datagram from {Client}: the relay already maps {Max} clients")]
    public static partial void TooManyClients(ILogger logger, string link, EndPoint client, int max);

    [LoggerMessage(4004, LogLevel.Information, "link {Link}: cut")]
    public static partial void Cut(ILogger logger, string link);

    [LoggerMessage(4005, LogLevel.Information, "link {Link}: repaired")]
    public static partial void Repaired(ILogger logger, string link);

    [LoggerMessage(4006, LogLevel.Information, "link {Link}: {Direction} settings changed")]
    public static partial void Reconfigured(ILogger logger, string link, string direction);

    [LoggerMessage(4007, LogLevel.Warning, "link {Link}: receive error on {Side}: {Error}")]
    public static partial void ReceiveError(ILogger logger, string link, string side, string error);
}
