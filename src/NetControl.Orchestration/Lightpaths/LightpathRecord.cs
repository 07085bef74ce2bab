using System.Collections.Immutable;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>
/// Everything the controller knows and intends about one lightpath: the unit of persistence and of API output.
/// Immutable; each change is a new record with a higher <see cref="Version"/>.
/// </summary>
public sealed record LightpathRecord
{
    public required string Id { get; init; }

    /// <summary>The authenticated principal that asked for it.</summary>
    public required string Owner { get; init; }

    public required LightpathRequest Request { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required LightpathState State { get; init; }

    /// <summary>Every transition, oldest first.</summary>
    public ImmutableList<LightpathTransition> History { get; init; } = [];

    /// <summary>The leg chosen at admission (or by the last restoration).</summary>
    public CircuitRoute? Working { get; init; }

    /// <summary>The 1+1 protection leg (its inner cross-connects are made; its end cross-connects when switched to).</summary>
    public CircuitRoute? ProtectionLeg { get; init; }

    /// <summary>The original working leg while restored elsewhere with <see cref="RevertPolicy.Revert"/>.</summary>
    public CircuitRoute? Home { get; init; }

    public LegRole ActiveLeg { get; init; } = LegRole.Working;

    /// <summary>Cross-connects this lightpath may have on devices and still has to remove (intent written before acting).</summary>
    public ImmutableArray<CrossConnectStep> PendingRemovals { get; init; } = [];

    /// <summary>Start of the reserved window.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>End of the reserved window; null when open.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Why the lightpath is Failed, or the last failure it recovered from.</summary>
    public string? FailureCause { get; init; }

    public long Version { get; init; }

    /// <summary>The leg carrying traffic now.</summary>
    public CircuitRoute? Active => ActiveLeg == LegRole.Protection ? ProtectionLeg : Working;
}
