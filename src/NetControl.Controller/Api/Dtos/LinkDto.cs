namespace NetControl.Controller.Api.Dtos;

/// <summary>A link of the topology; <see cref="A"/> and <see cref="B"/> are <c>NODE</c> or <c>NODE:PORT</c>.</summary>
public sealed record LinkDto(string Id, string A, string B, double? LengthKm, double? LatencyMs, double? CapacityBps, IReadOnlyList<string> Srlgs, string? Label);
