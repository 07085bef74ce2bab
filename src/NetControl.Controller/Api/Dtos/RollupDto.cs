namespace NetControl.Controller.Api.Dtos;

/// <summary>A minute or hour of a link's probes, summed.</summary>
public sealed record RollupDto(DateTimeOffset BucketStart, string Resolution, long Samples, long Sent, long Lost, double Loss, double? RttMinMs, double? RttAvgMs, double? RttMaxMs, double? JitterAvgMs, double? AvailableMbpsAvg);
