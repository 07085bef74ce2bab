using NetControl.Core;
using NetControl.Core.Topology;

namespace NetControl.Formats.Latency;

/// <summary>A latency matrix file could not be read: where, and what is wrong.</summary>
public sealed class LatencyMatrixException : NetControlException
{
    public LatencyMatrixException(SourceLocation location, string problem)
        : base(new TopologyError(location, problem).ToString())
    {
        Location = location;
        Problem = problem;
    }

    public SourceLocation Location { get; }

    public string Problem { get; }
}
