using NetControl.Core.Topology;

namespace NetControl.Formats;

/// <summary>
/// Builds a topology and, when it fails, reports the problems in file order (the first one shown is the first in
/// the file), each message on one line.
/// </summary>
internal static class SourceOrder
{
    public static NetworkTopology Build(TopologyBuilder builder)
    {
        try
        {
            return builder.Build();
        }
        catch (TopologyException e)
        {
            throw Exception(e.Errors);
        }
    }

    public static TopologyException Exception(IEnumerable<TopologyError> errors) => new(Sort(errors));

    public static IReadOnlyList<TopologyError> Sort(IEnumerable<TopologyError> errors) =>
    [
        .. errors
            .OrderBy(e => e.Location.Line ?? int.MaxValue)
            .ThenBy(e => e.Location.Column ?? 0)
            .Select(e => e with { Message = OneLine.Of(e.Message) }),
    ];

    /// <summary>A failure with one error.</summary>
    public static TopologyException Exception(SourceLocation at, string message) => Exception([new TopologyError(at, message)]);
}
