namespace NetControl.Controller.Api.Dtos;

/// <summary>A node of the topology with its port names.</summary>
public sealed record NodeDto(string Id, string Kind, string? Label, string? Site, string? Vendor, double? Lat, double? Lon, IReadOnlyList<string> Ports);
