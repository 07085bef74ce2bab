namespace NetControl.Controller.Api.Dtos;

/// <summary>A link's latest probe quality: the MonALISA-style score, what it is made of, and the probe condition.</summary>
public sealed record LinkQualityDto(string Link, DateTimeOffset At, double Quality, double? RttMs, double? JitterMs, double Loss, double? AvailableMbpsLow, double? AvailableMbpsHigh, string Condition, string Source);
