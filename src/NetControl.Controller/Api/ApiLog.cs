using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);
}
