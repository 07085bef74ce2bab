namespace NetControl.Core.Telemetry;

/// <summary>
/// A link's quality moved past the threshold or its condition changed. <see cref="Previous"/> is the last value
/// reported this way (null for the link's first sample), not necessarily the previous sample.
/// </summary>
public sealed record LinkQualityChange(LinkQuality? Previous, LinkQuality Current);
