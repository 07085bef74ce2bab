namespace NetControl.Controller.Api.Dtos;

/// <summary>One probe interval of a link, as recorded.</summary>
public sealed record LinkSampleDto(DateTimeOffset IntervalStart, double IntervalMs, string Source, long Sent, long Lost, double Loss, double? RttMs, double? JitterMs, double? AvailableMbpsLow, double? AvailableMbpsHigh);
