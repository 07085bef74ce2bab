namespace NetControl.Controller.Api.Dtos;

/// <summary>One step of a lightpath's history.</summary>
public sealed record TransitionDto(string From, string To, string Trigger, DateTimeOffset At, string Cause);
