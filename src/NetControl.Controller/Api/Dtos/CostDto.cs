namespace NetControl.Controller.Api.Dtos;

/// <summary>The network cost of a pair now.</summary>
public sealed record CostDto(string From, string To, double? LatencyMs, double? LossRatio, double? AvailableBandwidthBps, RouteDto? Route, string? Unavailable);
