using System.Collections.Frozen;

namespace NetControl.Core.Topology;

/// <summary>Simple <see cref="IPortAvailability"/> implementations.</summary>
public static class PortAvailability
{
    /// <summary>Every port is free.</summary>
    public static IPortAvailability AllFree { get; } = new BusySet(FrozenSet<PortRef>.Empty);

    /// <summary>Every port except the given ones is free.</summary>
    public static IPortAvailability AllExcept(IEnumerable<PortRef> busy) => new BusySet(busy.ToFrozenSet());

    private sealed class BusySet(FrozenSet<PortRef> busy) : IPortAvailability
    {
        public bool IsFree(PortRef port) => !busy.Contains(port);
    }
}
