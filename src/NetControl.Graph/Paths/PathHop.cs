using NetControl.Core.Topology;

namespace NetControl.Graph.Paths;

/// <summary>One link of a path, in the direction travelled, with the ports it leaves and enters by.</summary>
public sealed record PathHop(Link Link, LinkEndpoint From, LinkEndpoint To);
