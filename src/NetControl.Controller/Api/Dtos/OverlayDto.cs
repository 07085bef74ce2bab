namespace NetControl.Controller.Api.Dtos;

/// <summary>The installed reflector overlay tree.</summary>
public sealed record OverlayDto(long Version, DateTimeOffset InstalledAt, int Reflectors, double? Cost, string Reason, IReadOnlyList<OverlayEdgeDto> Edges);

/// <summary>One overlay link: its reflectors, the topology link and its cost (null: unusable).</summary>
public sealed record OverlayEdgeDto(string A, string B, string Link, double? Cost);

/// <summary>One move of the overlay to another tree: the new version, when, which links joined and left, and why.</summary>
public sealed record OverlayChangeDto(long Version, DateTimeOffset At, double? Cost, IReadOnlyList<OverlayEdgeDto> Added, IReadOnlyList<OverlayEdgeDto> Removed, string Cause);
