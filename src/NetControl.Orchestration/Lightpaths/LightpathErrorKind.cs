namespace NetControl.Orchestration.Lightpaths;

/// <summary>Why a lightpath request or command was refused; the API maps each to a problem type and status.</summary>
public enum LightpathErrorKind
{
    /// <summary>The request itself is malformed (400).</summary>
    InvalidRequest,

    /// <summary>An endpoint names no host, switch or switch port (400).</summary>
    UnknownEndpoint,

    /// <summary>The time window is empty, in the past or otherwise wrong (400).</summary>
    BadTimeWindow,

    /// <summary>No path satisfies the constraints (409); the message says which constraint blocked it.</summary>
    NoPath,

    /// <summary>A port or capacity is held by another lightpath over the window (409).</summary>
    PortBusy,

    /// <summary>No lightpath with that id (404).</summary>
    NotFound,

    /// <summary>The lightpath's state does not allow the command (409).</summary>
    InvalidState,
}
