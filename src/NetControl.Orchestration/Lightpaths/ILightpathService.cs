using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Graph.Paths;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// The lightpath service as the API sees it. Commands validate synchronously and throw
/// <see cref="LightpathException"/> (nothing changed) or return the record as it is once the command was accepted;
/// device work (provisioning, release, restoration) continues in the background and shows in
/// <see cref="WatchAsync"/> and <see cref="Changed"/>.
/// </summary>
public interface ILightpathService
{
    NetworkTopology Topology { get; }

    /// <summary>Current link state (from alarms, polling and traps).</summary>
    LinkStateOverlay LinkState { get; }

    /// <summary>True while an admin has frozen automatic restoration.</summary>
    bool RestorationFrozen { get; }

    /// <summary>Raised after every saved change of any lightpath (never blocks the service; handlers must be quick).</summary>
    event Action<LightpathRecord>? Changed;

    /// <summary>Admits the request (computes the path, reserves ports over the window) and starts provisioning now or at its start time.</summary>
    Task<LightpathRecord> RequestAsync(LightpathRequest request, string owner, CancellationToken cancellationToken = default);

    IReadOnlyList<LightpathRecord> List();

    /// <summary>Throws <see cref="LightpathErrorKind.NotFound"/>.</summary>
    LightpathRecord Get(string id);

    /// <summary>Starts releasing; the record returned is in Releasing (or already Released).</summary>
    Task<LightpathRecord> ReleaseAsync(string id, string cause, CancellationToken cancellationToken = default);

    /// <summary>Moves the end of the window (null: open-ended); refused when the new window conflicts.</summary>
    Task<LightpathRecord> ChangeEndAsync(string id, DateTimeOffset? end, CancellationToken cancellationToken = default);

    /// <summary>Renews the lease for another lease length from now.</summary>
    Task<LightpathRecord> RenewAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Operator control: moves an active lightpath to the best path now (make-before-break).</summary>
    Task<LightpathRecord> RerouteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Admin control: an engineer reports a fibre repaired (it carries no light yet to prove it); the link is up for new
    /// paths and for revert. <see cref="LightpathException"/> for an unknown link.
    /// </summary>
    void ReportRepaired(string linkId, string cause);

    /// <summary>Admin control: stops (or resumes) automatic restoration; cuts seen while frozen are restored on resume.</summary>
    Task SetRestorationFrozenAsync(bool frozen, CancellationToken cancellationToken = default);

    /// <summary>The current record, then every change, until the lightpath is released or the token is cancelled.</summary>
    IAsyncEnumerable<LightpathRecord> WatchAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Candidate paths between two endpoints without reserving anything.</summary>
    WhatIfResult WhatIf(WhatIfRequest request);

    /// <summary>Network cost of a pair from current link state and reservations.</summary>
    PathCost Cost(string from, string to);
}

/// <summary>A what-if query: endpoints as in <see cref="LightpathRequest"/>, with its constraints.</summary>
public sealed record WhatIfRequest
{
    public required string From { get; init; }

    public required string To { get; init; }

    public DataRate? Bandwidth { get; init; }

    public System.Collections.Immutable.ImmutableArray<string> Exclude { get; init; } = [];

    public double? MaxLatencyMs { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }
}

/// <summary>Candidates for a what-if query; a candidate that could not be found carries the reason instead.</summary>
public sealed record WhatIfResult(PathCandidate Shortest, PathCandidate FewestHops, PathCandidate DisjointPair);

/// <summary>One candidate: the legs found (one, or two for a disjoint pair), or why none.</summary>
public sealed record PathCandidate(string Kind, IReadOnlyList<CircuitRoute> Legs, string? Unavailable);

/// <summary>
/// The network cost of a pair now: latency of the best usable path, its end-to-end loss estimate and the
/// bandwidth still free on it (the minimum over its links of capacity minus reservations).
/// </summary>
public sealed record PathCost(string From, string To, CircuitRoute? Route, double? LatencyMs, double? LossRatio, DataRate? AvailableBandwidth, string? Unavailable);
