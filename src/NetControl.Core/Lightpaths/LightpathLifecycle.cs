using System.Collections.Frozen;
using System.Collections.Immutable;

namespace NetControl.Core.Lightpaths;

/// <summary>
/// The state machine of one lightpath: an explicit transition table, the current <see cref="State"/> and the full
/// <see cref="History"/> (every transition with time and cause). A trigger the table does not allow throws
/// <see cref="InvalidLightpathTransitionException"/> and changes nothing, so no lightpath can reach a state by an
/// undocumented route. Pure logic: time comes from the injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Every lightpath starts in <see cref="LightpathState.Requested"/>. The table (a pair not listed is invalid;
/// "release" is any of <see cref="LightpathTrigger.ReleaseRequested"/>, <see cref="LightpathTrigger.EndTimeReached"/>,
/// <see cref="LightpathTrigger.LeaseExpired"/>):
/// <list type="table">
/// <listheader><term>from</term><description>trigger → to</description></listheader>
/// <item><term>Requested</term><description>Admitted → Provisioning; AdmittedForLater → Scheduled; Rejected → Failed; release → Releasing</description></item>
/// <item><term>Scheduled</term><description>StartTimeReached → Provisioning; release → Releasing</description></item>
/// <item><term>Provisioning</term><description>ProvisioningSucceeded → Active; ProvisioningFailed → Failed; release → Releasing</description></item>
/// <item><term>Active</term><description>LinkFailed → Restoring; release → Releasing</description></item>
/// <item><term>Restoring</term><description>LinkFailed → Restoring; RestorationSucceeded → Active; RestorationFailed → Failed; release → Releasing</description></item>
/// <item><term>Failed</term><description>release → Releasing (cleanup of whatever the failure left)</description></item>
/// <item><term>Releasing</term><description>ReleaseCompleted → Released</description></item>
/// <item><term>Released</term><description>nothing: terminal</description></item>
/// </list>
/// Releasing has no way out but <see cref="LightpathTrigger.ReleaseCompleted"/>: a release that fails on a device stays
/// Releasing and is retried (device truth wins), so nothing is orphaned. See README.md in this folder for the diagram.
/// </remarks>
public sealed class LightpathLifecycle
{
    private static readonly LightpathTrigger[] ReleaseTriggers =
        [LightpathTrigger.ReleaseRequested, LightpathTrigger.EndTimeReached, LightpathTrigger.LeaseExpired];

    private static readonly FrozenDictionary<(LightpathState From, LightpathTrigger Trigger), LightpathState> Table = BuildTable();

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private LightpathState _state = LightpathState.Requested;
    private ImmutableList<LightpathTransition> _history = [];

    /// <summary>Starts a lightpath in <see cref="LightpathState.Requested"/>.</summary>
    /// <param name="id">The lightpath's id, used in error messages.</param>
    /// <param name="time">Clock for transition timestamps.</param>
    public LightpathLifecycle(string id, TimeProvider time)
        : this(id, (time ?? throw new ArgumentNullException(nameof(time))).GetUtcNow(), time)
    {
    }

    private LightpathLifecycle(string id, DateTimeOffset createdAt, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(time);
        Id = id;
        _time = time;
        CreatedAt = createdAt;
    }

    /// <summary>
    /// Rebuilds a lifecycle from a persisted history (controller restart), replaying every transition against the table.
    /// </summary>
    /// <param name="id">The lightpath's id.</param>
    /// <param name="createdAt">When the request arrived.</param>
    /// <param name="history">The recorded transitions, oldest first.</param>
    /// <param name="time">Clock for new transitions.</param>
    /// <exception cref="InvalidLightpathTransitionException">
    /// A recorded transition does not start where the previous one ended, or is not in the table (a corrupt or foreign record).
    /// </exception>
    public static LightpathLifecycle Restore(string id, DateTimeOffset createdAt, IEnumerable<LightpathTransition> history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lifecycle = new LightpathLifecycle(id, createdAt, time);
        foreach (var transition in history)
        {
            if (transition.From != lifecycle._state || !TryGetTarget(transition.From, transition.Trigger, out var to) || to != transition.To)
            {
                throw new InvalidLightpathTransitionException(id, lifecycle._state, transition.Trigger);
            }

            lifecycle._history = lifecycle._history.Add(transition);
            lifecycle._state = to;
        }

        return lifecycle;
    }

    /// <summary>The lightpath's id.</summary>
    public string Id { get; }

    /// <summary>When the lifecycle was created (the request arrived).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The current state.</summary>
    public LightpathState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Every transition so far, oldest first; each one's <c>From</c> is the previous one's <c>To</c>.</summary>
    public ImmutableList<LightpathTransition> History
    {
        get
        {
            lock (_lock)
            {
                return _history;
            }
        }
    }

    /// <summary>True once the lightpath is <see cref="LightpathState.Released"/> and no trigger is valid any more.</summary>
    public bool IsTerminal => IsTerminalState(State);

    /// <summary>True for a state no trigger leaves (only <see cref="LightpathState.Released"/>).</summary>
    public static bool IsTerminalState(LightpathState state) => state == LightpathState.Released;

    /// <summary>Looks up the table: the state <paramref name="trigger"/> leads to from <paramref name="from"/>, if it is allowed.</summary>
    public static bool TryGetTarget(LightpathState from, LightpathTrigger trigger, out LightpathState to) =>
        Table.TryGetValue((from, trigger), out to);

    /// <summary>Whether <paramref name="trigger"/> is valid in the current state.</summary>
    public bool CanFire(LightpathTrigger trigger) => TryGetTarget(State, trigger, out _);

    /// <summary>Applies <paramref name="trigger"/> and records it.</summary>
    /// <param name="trigger">What happened.</param>
    /// <param name="cause">Why, for people; not empty.</param>
    /// <returns>The recorded transition.</returns>
    /// <exception cref="InvalidLightpathTransitionException">The table does not allow the trigger in the current state; nothing changed.</exception>
    public LightpathTransition Fire(LightpathTrigger trigger, string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        lock (_lock)
        {
            return TryFireLocked(trigger, cause) ?? throw new InvalidLightpathTransitionException(Id, _state, trigger);
        }
    }

    /// <summary>
    /// Applies <paramref name="trigger"/> if it is valid now, atomically (no race between a check and the fire).
    /// </summary>
    /// <returns>The recorded transition, or null when the table does not allow it (nothing changed).</returns>
    public LightpathTransition? TryFire(LightpathTrigger trigger, string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        lock (_lock)
        {
            return TryFireLocked(trigger, cause);
        }
    }

    private LightpathTransition? TryFireLocked(LightpathTrigger trigger, string cause)
    {
        if (!TryGetTarget(_state, trigger, out var to))
        {
            return null;
        }

        var transition = new LightpathTransition(_state, to, trigger, _time.GetUtcNow(), cause);
        _history = _history.Add(transition);
        _state = to;
        return transition;
    }

    private static FrozenDictionary<(LightpathState, LightpathTrigger), LightpathState> BuildTable()
    {
        var table = new Dictionary<(LightpathState, LightpathTrigger), LightpathState>
        {
            [(LightpathState.Requested, LightpathTrigger.Admitted)] = LightpathState.Provisioning,
            [(LightpathState.Requested, LightpathTrigger.AdmittedForLater)] = LightpathState.Scheduled,
            [(LightpathState.Requested, LightpathTrigger.Rejected)] = LightpathState.Failed,
            [(LightpathState.Scheduled, LightpathTrigger.StartTimeReached)] = LightpathState.Provisioning,
            [(LightpathState.Provisioning, LightpathTrigger.ProvisioningSucceeded)] = LightpathState.Active,
            [(LightpathState.Provisioning, LightpathTrigger.ProvisioningFailed)] = LightpathState.Failed,
            [(LightpathState.Active, LightpathTrigger.LinkFailed)] = LightpathState.Restoring,
            [(LightpathState.Restoring, LightpathTrigger.LinkFailed)] = LightpathState.Restoring,
            [(LightpathState.Restoring, LightpathTrigger.RestorationSucceeded)] = LightpathState.Active,
            [(LightpathState.Restoring, LightpathTrigger.RestorationFailed)] = LightpathState.Failed,
            [(LightpathState.Active, LightpathTrigger.RerouteRequested)] = LightpathState.Restoring,
            [(LightpathState.Restoring, LightpathTrigger.RerouteAbandoned)] = LightpathState.Active,
            [(LightpathState.Releasing, LightpathTrigger.ReleaseCompleted)] = LightpathState.Released,
        };

        LightpathState[] releasable =
        [
            LightpathState.Requested, LightpathState.Scheduled, LightpathState.Provisioning,
            LightpathState.Active, LightpathState.Restoring, LightpathState.Failed,
        ];
        foreach (var state in releasable)
        {
            foreach (var trigger in ReleaseTriggers)
            {
                table[(state, trigger)] = LightpathState.Releasing;
            }
        }

        return table.ToFrozenDictionary();
    }
}
