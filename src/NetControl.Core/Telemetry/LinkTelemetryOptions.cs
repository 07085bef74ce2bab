namespace NetControl.Core.Telemetry;

/// <summary>Configuration of <see cref="LinkTelemetry"/>.</summary>
public sealed record LinkTelemetryOptions
{
    /// <summary>How a sample becomes a quality score. Default <see cref="QualityFormula.MonAlisa"/>.</summary>
    public QualityFormula Formula { get; init; } = QualityFormula.MonAlisa;

    /// <summary>When probe samples mark a link degraded or down.</summary>
    public ProbeAlarmPolicy Alarms { get; init; } = new();

    /// <summary>Samples kept per link (a ring; the oldest is overwritten). Default 3600: an hour of 1 s intervals.</summary>
    public int HistoryCapacity { get; init; } = 3600;

    /// <summary>
    /// Relative move of the quality, against the last reported value, that raises
    /// <see cref="LinkTelemetry.QualityChanged"/>. Default 0.05 (5 %).
    /// </summary>
    public double QualityChangeThreshold { get; init; } = 0.05;

    /// <summary>
    /// How far past the injected clock's now a sample's interval may end (agents' clocks drift); later ones are
    /// rejected as <see cref="SampleRejection.FromFuture"/>. Default 30 s.
    /// </summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Links tracked at most; a sample for a further link is rejected as <see cref="SampleRejection.TooManyLinks"/>, so
    /// an agent publishing garbage link ids cannot grow memory without bound. Default 100,000.
    /// </summary>
    public int MaxLinks { get; init; } = 100_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when any setting is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Formula);
        ArgumentNullException.ThrowIfNull(Alarms);
        Formula.Validate();
        Alarms.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLinks, 1);
        if (!(double.IsFinite(QualityChangeThreshold) && QualityChangeThreshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(QualityChangeThreshold), QualityChangeThreshold, "must be finite and not negative");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClockSkew, TimeSpan.Zero);
    }
}
