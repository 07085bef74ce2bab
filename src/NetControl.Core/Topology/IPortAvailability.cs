namespace NetControl.Core.Topology;

/// <summary>
/// Tells path computation which ports are free. The lightpath allocator implements it over its port
/// allocations; tests and what-if queries use <see cref="PortAvailability"/>.
/// </summary>
public interface IPortAvailability
{
    bool IsFree(PortRef port);

    /// <summary>
    /// <see cref="IsFree(PortRef)"/> for a port whose <see cref="NetworkTopology.IndexOfPort"/> in
    /// <paramref name="topology"/> is <paramref name="index"/>: an implementation that keeps per-port state in arrays
    /// for that same topology snapshot answers without hashing.
    /// </summary>
    bool IsFree(PortRef port, NetworkTopology topology, int index) => IsFree(port);
}
