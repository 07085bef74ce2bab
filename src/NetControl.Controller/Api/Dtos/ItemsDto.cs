namespace NetControl.Controller.Api.Dtos;

/// <summary>A list response: <c>{ "items": [...] }</c>.</summary>
public sealed record ItemsDto<T>(IReadOnlyList<T> Items);
