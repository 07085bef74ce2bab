using System.Collections.Immutable;

namespace NetControl.Graph.Paths;

/// <summary>Up to k paths in increasing cost; empty with a failure when there is none.</summary>
public sealed record PathSetResult(ImmutableArray<NetworkPath> Paths, PathFailure? Failure)
{
    public bool Found => Paths.Length > 0;
}
