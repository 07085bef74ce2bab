using NetControl.Core;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>A refused lightpath request or command; nothing was changed.</summary>
public sealed class LightpathException(LightpathErrorKind kind, string message) : NetControlException(message)
{
    public LightpathErrorKind Kind { get; } = kind;
}
