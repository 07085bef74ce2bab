namespace NetControl.Controller.Api.Dtos;

/// <summary>The managed network.</summary>
public sealed record TopologyDto(string Name, IReadOnlyList<NodeDto> Nodes, IReadOnlyList<LinkDto> Links, IReadOnlyList<SrlgDto> Srlgs);
