using NetControl.Core.Topology;

namespace NetControl.Orchestration.Routing;

/// <summary>
/// A lightpath endpoint pinned to a switch port: <see cref="AddPort"/> on <see cref="Switch"/> is where light is
/// added and dropped. <see cref="Access"/> is the fibre to the host behind it, if any.
/// </summary>
public sealed record ResolvedEndpoint(string Text, string Switch, string AddPort, Link? Access, PortRef? HostPort)
{
    public override string ToString() => HostPort is { } host ? $"{host} via {Switch}:{AddPort}" : $"{Switch}:{AddPort}";
}
