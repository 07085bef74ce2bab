namespace NetControl.Controller.Api.Dtos;

/// <summary>A what-if candidate: its legs, or why none was found.</summary>
public sealed record CandidateDto(string Kind, IReadOnlyList<RouteDto> Legs, string? Unavailable);
