using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Hosting;

internal static partial class ControllerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Controller for {Topology} listening on {Address} ({Devices} devices, {Tokens} tokens, state {Store})")]
    public static partial void Started(ILogger logger, string topology, Uri address, int devices, int tokens, string store);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Controller stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "No API tokens are configured: every API call will be refused with 401")]
    public static partial void NoTokens(ILogger logger);
}
