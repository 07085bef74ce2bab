using NetControl.Core.Topology;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>Port availability in which the ports a lightpath already holds count as free (for rerouting it).</summary>
internal sealed class OwnPortsAvailability : IPortAvailability
{
    private readonly IPortAvailability _inner;
    private readonly IReadOnlySet<PortRef> _own;
    private readonly NetworkTopology _topology;
    private readonly int[] _ownIndexes;

    public OwnPortsAvailability(NetworkTopology topology, IPortAvailability inner, IReadOnlySet<PortRef> own)
    {
        _topology = topology;
        _inner = inner;
        _own = own;
        _ownIndexes = [.. own.Select(topology.IndexOfPort)];
    }

    public bool IsFree(PortRef port) => _own.Contains(port) || _inner.IsFree(port);

    /// <summary>A lightpath holds a few ports: a scan of their indexes beats hashing the port.</summary>
    public bool IsFree(PortRef port, NetworkTopology topology, int index) =>
        !ReferenceEquals(topology, _topology) || index < 0 ? IsFree(port) : Array.IndexOf(_ownIndexes, index) >= 0 || _inner.IsFree(port, topology, index);
}
