using NetControl.Core.Topology;

namespace NetControl.Orchestration.Restoration;

/// <summary>Which lightpath expects light at a switch port: the lightpath service knows, the correlator asks.</summary>
public interface IPortClaims
{
    /// <summary>
    /// The id of the lightpath whose active leg lights <paramref name="port"/> and already did at
    /// <paramref name="asOf"/>, unless a cross-connect on the port is being removed; otherwise null.
    /// </summary>
    string? ClaimantAt(PortRef port, DateTimeOffset asOf);

    /// <summary>
    /// The receive port, on the same switch, that the active leg claiming <paramref name="port"/> (a receive port) as of
    /// <paramref name="asOf"/> cross-connects to it: the light arriving there leaves the switch into the fibre
    /// <paramref name="port"/> faces. Null when unclaimed, or when the leg sends nothing that way (a simplex
    /// cross-connect ending at the port).
    /// </summary>
    PortRef? FeedOf(PortRef port, DateTimeOffset asOf);
}
