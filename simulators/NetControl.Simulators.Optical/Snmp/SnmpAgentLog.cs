using System.Net;
using Microsoft.Extensions.Logging;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>The SNMP agent's log messages (event ids 3500-3599).</summary>
internal static partial class SnmpAgentLog
{
    [LoggerMessage(3500, LogLevel.Information, "{Switch}: SNMP agent listening on udp/127.0.0.1:{Port}, engine {EngineId}")]
    public static partial void Listening(ILogger logger, string @switch, int port, string engineId);

    [LoggerMessage(3501, LogLevel.Warning, "{Switch}: dropped an undecodable datagram of {Length} bytes from {Remote}: {Error}")]
    public static partial void Undecodable(ILogger logger, string @switch, int length, EndPoint remote, string error);

    [LoggerMessage(3502, LogLevel.Warning, "{Switch}: dropped a v2c {Pdu} from {Remote} with unknown community '{Community}'")]
    public static partial void BadCommunity(ILogger logger, string @switch, string pdu, EndPoint remote, string community);

    /// <summary>At Warning for failures, Debug for the normal exchanges of a requester learning the engine (discovery, time window).</summary>
    [LoggerMessage(EventId = 3503, Message = "{Switch}: v3 message from {Remote} refused ({Reason}, user '{User}'){Reply}")]
    public static partial void UsmRefused(ILogger logger, LogLevel level, string @switch, EndPoint remote, string reason, string user, string reply);

    [LoggerMessage(3504, LogLevel.Error, "{Switch}: failed to handle a datagram from {Remote}")]
    public static partial void HandlerFailed(ILogger logger, string @switch, EndPoint remote, Exception exception);

    [LoggerMessage(3505, LogLevel.Warning, "{Switch}: UDP socket error ({Operation}): {Error}")]
    public static partial void SocketError(ILogger logger, string @switch, string operation, string error);

    [LoggerMessage(3506, LogLevel.Information, "{Switch}: port {Port} (ifIndex {IfIndex}) is now {State}")]
    public static partial void LinkChanged(ILogger logger, string @switch, string port, int ifIndex, string state);

    [LoggerMessage(3507, LogLevel.Debug, "{Switch}: sent {Notification} for ifIndex {IfIndex} to {Target}")]
    public static partial void NotificationSent(ILogger logger, string @switch, string notification, int ifIndex, string target);

    [LoggerMessage(3508, LogLevel.Warning, "{Switch}: {Notification} for ifIndex {IfIndex} to {Target} not acknowledged after {Attempts} attempts: given up")]
    public static partial void InformGivenUp(ILogger logger, string @switch, string notification, int ifIndex, string target, int attempts);

    [LoggerMessage(3509, LogLevel.Warning, "{Switch}: could not send {Notification} to {Target}: {Error}")]
    public static partial void NotificationFailed(ILogger logger, string @switch, string notification, string target, string error);

    [LoggerMessage(3510, LogLevel.Warning, "{Switch}: dropped a {Pdu} from {Remote}: the agent has no handler for it")]
    public static partial void NoHandler(ILogger logger, string @switch, string pdu, EndPoint remote);

    [LoggerMessage(3511, LogLevel.Warning, "{Switch}: dropped a {Pdu} from {Remote}: even an empty tooBig response exceeds {MaxSize} bytes")]
    public static partial void SilentDrop(ILogger logger, string @switch, string pdu, EndPoint remote, int maxSize);

    [LoggerMessage(3512, LogLevel.Warning, "{Switch}: dropped a message of SNMP version {Version} from {Remote} (the agent speaks v2c and v3)")]
    public static partial void BadVersion(ILogger logger, string @switch, int version, EndPoint remote);
}
