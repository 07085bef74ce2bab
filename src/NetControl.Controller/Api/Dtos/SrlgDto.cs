namespace NetControl.Controller.Api.Dtos;

/// <summary>A shared risk link group.</summary>
public sealed record SrlgDto(string Id, string? Description);
