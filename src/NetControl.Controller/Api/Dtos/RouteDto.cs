namespace NetControl.Controller.Api.Dtos;

/// <summary>One leg: nodes and links crossed, its latency and length, and the cross-connects that carry it.</summary>
public sealed record RouteDto(IReadOnlyList<string> Nodes, IReadOnlyList<string> Links, double LatencyMs, double LengthKm, IReadOnlyList<CrossConnectDto> CrossConnects);
