using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Devices;

/// <summary>Device wiring log messages; they name devices and ports, never credentials.</summary>
internal static partial class DevicesLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Connected to {Device} ({Dialect}) at {Host}:{Port}")]
    public static partial void Connected(ILogger logger, string device, string dialect, string host, int port);

    // 4002-4003: the alarm watch loops (NetControl.Orchestration.Restoration.AlarmWatcherLog, which also logs 4004).

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "The lightpath service failed to take an event of {Device}")]
    public static partial void SinkFailed(ILogger logger, string device, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Mapped {Count} SNMP interfaces of {Device}")]
    public static partial void InterfacesMapped(ILogger logger, string device, int count);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Could not read interface names of {Device} over SNMP; its traps are mapped when they arrive, if it answers then")]
    public static partial void InterfaceWalkFailed(ILogger logger, string device, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "SNMP link trap from {Source} ignored: {Reason}")]
    public static partial void TrapIgnored(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "SNMP {Direction} on {Device} port {Port}")]
    public static partial void LinkTrap(ILogger logger, string direction, string device, string port);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Receiving SNMP traps on udp {EndPoint}")]
    public static partial void TrapListening(ILogger logger, string endPoint);
}
