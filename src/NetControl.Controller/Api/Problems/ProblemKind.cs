using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Problems;

/// <summary>A problem type of the API: its kebab-case name (the last segment of the type URI), title and status.</summary>
public sealed record ProblemKind(string Name, string Title, int Status)
{
    public const string TypeBase = "https://netcontrol.dev/problems/";

    public static readonly ProblemKind InvalidRequest = new("invalid-request", "The request is invalid", 400);
    public static readonly ProblemKind UnknownEndpoint = new("unknown-endpoint", "Unknown endpoint", 400);
    public static readonly ProblemKind BadTimeWindow = new("bad-time-window", "Bad time window", 400);
    public static readonly ProblemKind NoPath = new("no-path", "No path satisfies the constraints", 409);
    public static readonly ProblemKind PortBusy = new("port-busy", "Port or capacity busy", 409);
    public static readonly ProblemKind NotFound = new("not-found", "Not found", 404);
    public static readonly ProblemKind InvalidState = new("invalid-state", "The lightpath's state does not allow this", 409);
    public static readonly ProblemKind Unauthorized = new("unauthorized", "Authentication required", 401);
    public static readonly ProblemKind Forbidden = new("forbidden", "Role too low", 403);
    public static readonly ProblemKind NoSuchRoute = new("no-such-route", "No such API route", 404);
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", "Method not allowed", 405);
    public static readonly ProblemKind DeviceError = new("device-error", "A device failed", 502);
    public static readonly ProblemKind Internal = new("internal-error", "Internal error", 500);

    public string Type => TypeBase + Name;

    public static ProblemKind For(LightpathErrorKind kind) => kind switch
    {
        LightpathErrorKind.InvalidRequest => InvalidRequest,
        LightpathErrorKind.UnknownEndpoint => UnknownEndpoint,
        LightpathErrorKind.BadTimeWindow => BadTimeWindow,
        LightpathErrorKind.NoPath => NoPath,
        LightpathErrorKind.PortBusy => PortBusy,
        LightpathErrorKind.NotFound => NotFound,
        LightpathErrorKind.InvalidState => InvalidState,
        _ => Internal,
    };
}
