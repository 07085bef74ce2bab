using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>Port availability in which the ports a lightpath already holds count as free (for rerouting it).</summary>
internal sealed class OwnPortsAvailability(IPortAvailability inner, IReadOnlySet<PortRef> own) : IPortAvailability
{
    public bool IsFree(PortRef port) => own.Contains(port) || inner.IsFree(port);
}
