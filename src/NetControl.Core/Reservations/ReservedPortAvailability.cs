using System.Collections.Frozen;
using NetControl.Core.Topology;

namespace NetControl.Core.Reservations;

/// <summary>
/// A snapshot of which ports a <see cref="ReservationCalendar"/> holds over some window, for path
/// computation. Later calendar changes do not affect it.
/// </summary>
public sealed class ReservedPortAvailability : IPortAvailability
{
    internal ReservedPortAvailability(TimeWindow window, FrozenSet<PortRef> busy)
    {
        Window = window;
        Busy = busy;
    }

    /// <summary>The window over which <see cref="IsFree"/> answers.</summary>
    public TimeWindow Window { get; }

    /// <summary>Ports reserved at some instant of <see cref="Window"/>.</summary>
    public IReadOnlySet<PortRef> Busy { get; }

    /// <summary>True when no reservation holds <paramref name="port"/> at any instant of the window.</summary>
    public bool IsFree(PortRef port) => !Busy.Contains(port);
}
