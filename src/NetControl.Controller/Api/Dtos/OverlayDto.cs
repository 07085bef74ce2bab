namespace NetControl.Controller.Api.Dtos;

/// <summary>The installed reflector overlay tree.</summary>
public sealed record OverlayDto(long Version, DateTimeOffset InstalledAt, int Reflectors, double? Cost, string Reason, IReadOnlyList<OverlayEdgeDto> Edges);

/// <summary>One overlay link: its reflectors, the topology link and its cost (null: unusable).</summary>
public sealed record OverlayEdgeDto(string A, string B, string Link, double? Cost);
