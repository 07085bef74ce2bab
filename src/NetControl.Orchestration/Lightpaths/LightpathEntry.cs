using NetControl.Core.Lightpaths;
using NetControl.Core.Reservations;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>The service's live state of one lightpath: record, lifecycle, calendar entry, timers and a gate that serialises device work.</summary>
internal sealed class LightpathEntry(LightpathRecord record, LightpathLifecycle lifecycle) : IDisposable
{
    public LightpathRecord Record { get; set; } = record;

    public LightpathLifecycle Lifecycle { get; } = lifecycle;

    public ReservationId? Reservation { get; set; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public CancellationTokenSource Work { get; } = new();

    public ITimer? StartTimer { get; set; }

    public ITimer? EndTimer { get; set; }

    public ITimer? LeaseTimer { get; set; }

    public ITimer? RevertTimer { get; set; }

    public void DisposeTimers()
    {
        StartTimer?.Dispose();
        EndTimer?.Dispose();
        LeaseTimer?.Dispose();
        RevertTimer?.Dispose();
        StartTimer = EndTimer = LeaseTimer = RevertTimer = null;
    }

    public void Dispose()
    {
        DisposeTimers();
        Work.Dispose();
        Gate.Dispose();
    }
}
