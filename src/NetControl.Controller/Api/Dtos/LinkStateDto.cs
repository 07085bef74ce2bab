namespace NetControl.Controller.Api.Dtos;

/// <summary>A link's current condition (<c>up</c>, <c>degraded</c>, <c>down</c>), why and since when.</summary>
public sealed record LinkStateDto(string Id, string A, string B, string Condition, string Cause, DateTimeOffset Since, IReadOnlyList<string> Srlgs);
