using NetControl.Core;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>A refused lightpath request or command; nothing was changed.</summary>
public sealed class LightpathException(LightpathErrorKind kind, string message) : NetControlException(message)
{
    public LightpathErrorKind Kind { get; } = kind;

    /// <summary>For <see cref="LightpathErrorKind.NoPath"/>: busy ports are among what blocked it (they may free up).</summary>
    public bool PortsBusy { get; init; }
}
