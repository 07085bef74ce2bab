using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>A lightpath whose active leg lights a port, since when, and the receive port its cross-connect feeds the port's fibre from.</summary>
internal readonly record struct PortClaim(string Id, DateTimeOffset Since, PortRef? Feed);
