using NetControl.Core;

namespace NetControl.Graph;

/// <summary>
/// The graph engine was used in a way it does not support: edges that do not form the tree they claim to, a
/// result read as a tree when it holds a failure. Expected outcomes (no path, no feasible tree) are result
/// values, never this exception.
/// </summary>
public sealed class GraphException : NetControlException
{
    public GraphException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
