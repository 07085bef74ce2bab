using System.Collections.Immutable;

namespace NetControl.Graph.Paths;

/// <summary>Why a path request failed, in words fit for a one-line error, and which constraints blocked it.</summary>
public sealed record PathFailure(PathFailureKind Kind, string Message)
{
    /// <summary>For <see cref="PathFailureKind.Blocked"/>: the constraints that block the request, as named in the message.</summary>
    public ImmutableArray<string> BlockingConstraints { get; init; } = [];

    /// <summary>True when busy or disabled ports are among the blocking constraints (resources that may free up).</summary>
    public bool BlockedByPorts { get; init; }

    public override string ToString() => Message;
}
