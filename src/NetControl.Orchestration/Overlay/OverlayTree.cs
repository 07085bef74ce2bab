using System.Collections.Immutable;

namespace NetControl.Orchestration.Overlay;

/// <summary>
/// The overlay tree the reflectors use: its links ordered by (A, B), its cost under the current measurements,
/// when it was installed and why; <see cref="Version"/> grows by one with each installed tree. No links when no
/// spanning tree exists within the constraints.
/// </summary>
public sealed record OverlayTree(long Version, DateTimeOffset InstalledAt, ImmutableArray<OverlayEdge> Edges, double Cost, string Reason)
{
    public int Reflectors { get; init; }
}
