using System.Diagnostics.CodeAnalysis;

namespace NetControl.Graph.Paths;

/// <summary>A path, or why there is none.</summary>
public sealed record PathResult
{
    private PathResult(NetworkPath? path, PathFailure? failure)
    {
        Path = path;
        Failure = failure;
    }

    public NetworkPath? Path { get; }

    public PathFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Path))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Found => Path is not null;

    public static PathResult Of(NetworkPath path) => new(path, null);

    public static PathResult Fail(PathFailure failure) => new(null, failure);
}
