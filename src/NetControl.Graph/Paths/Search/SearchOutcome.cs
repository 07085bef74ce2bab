namespace NetControl.Graph.Paths.Search;

/// <summary>Result of one search: a path, none (proved), or the label limit was hit.</summary>
internal readonly record struct SearchOutcome(FoundPath? Path, bool LimitReached)
{
    public static SearchOutcome None => default;
}
