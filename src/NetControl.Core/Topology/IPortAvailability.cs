namespace NetControl.Core.Topology;

/// <summary>
/// Tells path computation which ports are free. The lightpath allocator implements it over its port
/// allocations; tests and what-if queries use <see cref="PortAvailability"/>.
/// </summary>
public interface IPortAvailability
{
    bool IsFree(PortRef port);
}
