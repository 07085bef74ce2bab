using Microsoft.Extensions.Logging;

namespace NetControl.Controller.Security;

internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected an unknown bearer token on {Method} {Path}")]
    public static partial void UnknownToken(ILogger logger, string method, string path);
}
