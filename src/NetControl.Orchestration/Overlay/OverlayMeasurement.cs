namespace NetControl.Orchestration.Overlay;

/// <summary>
/// What the probes last said about one overlay link: RTT median and jitter in ms (null when no probe came back),
/// loss as a ratio 0..1, and whether the link is declared down (by probe alarms or an operator).
/// </summary>
public readonly record struct OverlayMeasurement(double? RttMs, double LossRatio, double? JitterMs, bool Down, string Source);
