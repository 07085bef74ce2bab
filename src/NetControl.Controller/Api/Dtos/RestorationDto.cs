namespace NetControl.Controller.Api.Dtos;

/// <summary>Whether automatic restoration is frozen.</summary>
public sealed record RestorationDto(bool Frozen);
