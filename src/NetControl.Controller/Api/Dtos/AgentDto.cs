namespace NetControl.Controller.Api.Dtos;

/// <summary>A probe agent's presence as the controller sees it.</summary>
public sealed record AgentDto(string Id, bool Up, string Reason, DateTimeOffset Since, DateTimeOffset LastSeen);
