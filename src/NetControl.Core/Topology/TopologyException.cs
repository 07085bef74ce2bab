namespace NetControl.Core.Topology;

/// <summary>
/// A topology could not be read, validated or queried. Carries every problem found, in source order; the
/// message is the first one (and how many more), fit for a one-line error.
/// </summary>
public sealed class TopologyException : NetControlException
{
    public TopologyException(IReadOnlyList<TopologyError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    public TopologyException(TopologyError error)
        : this([error])
    {
    }

    public TopologyException(string message)
        : this(new TopologyError(SourceLocation.None, message))
    {
    }

    public IReadOnlyList<TopologyError> Errors { get; }

    private static string Summarize(IReadOnlyList<TopologyError> errors) => errors.Count switch
    {
        0 => "invalid topology",
        1 => errors[0].ToString(),
        _ => $"{errors[0]} (and {errors.Count - 1} more error{(errors.Count == 2 ? string.Empty : "s")})",
    };
}
