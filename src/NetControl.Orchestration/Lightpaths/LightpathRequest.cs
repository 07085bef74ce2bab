using System.Collections.Immutable;
using NetControl.Core.Units;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// What a requester asks for. <see cref="From"/> and <see cref="To"/> name a host (its access port), a switch port
/// (<c>SWITCH:PORT</c>) or a switch (any free unlinked port of it). <see cref="Exclude"/> lists node, link or SRLG ids
/// the path must avoid; <see cref="Via"/> lists nodes the path must pass through, in order.
/// </summary>
public sealed record LightpathRequest
{
    public required string From { get; init; }

    public required string To { get; init; }

    public DataRate? Bandwidth { get; init; }

    public Protection Protection { get; init; } = Protection.Restorable;

    /// <summary>Start of the window; null means now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>End of the window; null means until released.</summary>
    public DateTimeOffset? End { get; init; }

    public ImmutableArray<string> Exclude { get; init; } = [];

    public ImmutableArray<string> Via { get; init; } = [];

    public double? MaxLatencyMs { get; init; }

    /// <summary>Lease length: the lightpath is released when not renewed within it. Null: no lease.</summary>
    public TimeSpan? Lease { get; init; }

    public RevertPolicy Revert { get; init; } = RevertPolicy.Stay;

    /// <summary>Free text from the requester (transfer id, experiment).</summary>
    public string? Description { get; init; }

    /// <summary>Configure both end hosts (addresses, MTU, routes, TCP buffers) once the path is up, and restore them on release.</summary>
    public bool ConfigureHosts { get; init; }
}
