namespace NetControl.Probes.Bandwidth;

/// <summary>
/// The pathload rate search as a pure state machine. It keeps a bracket [<see cref="Low"/>, <see cref="High"/>]:
/// <c>Low</c> is the highest rate whose fleet was non-increasing (or the minimum rate), <c>High</c> the lowest
/// rate whose fleet was increasing (or the maximum rate). Grey fleets widen a grey region inside the bracket;
/// a later decisive fleet inside it trims it. The next rate is the midpoint of the bracket, or, once a grey
/// region exists, of the wider gap between the grey region and a bracket end. Midpoints are geometric (the
/// search is over ratios: 1 Mbit/s to 1 Gbit/s takes as many steps as 10 Mbit/s to 10 Gbit/s).
/// </summary>
public sealed class RateSearch
{
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly double _resolution;
    private readonly double _relativeResolution;
    private readonly double _greyResolution;
    private double? _greyLow;
    private double? _greyHigh;
    private bool _lowObserved;
    private bool _highObserved;

    /// <summary>Starts a search over [<paramref name="minimum"/>, <paramref name="maximum"/>] bit/s.</summary>
    /// <param name="minimum">Lowest rate the search considers, bit/s (positive).</param>
    /// <param name="maximum">Highest rate the search considers, bit/s.</param>
    /// <param name="resolution">Absolute bracket width at which the search stops, bit/s.</param>
    /// <param name="relativeResolution">Bracket width, as a fraction of <c>High</c>, at which the search stops.</param>
    /// <param name="greyResolution">Gap width, as a fraction of the gap's upper end, under which a gap next to the grey region is not probed.</param>
    public RateSearch(double minimum, double maximum, double resolution, double relativeResolution, double greyResolution)
    {
        if (!(minimum > 0) || !(maximum > minimum) || !double.IsFinite(maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), $"the search needs 0 < minimum ({minimum}) < maximum ({maximum})");
        }

        if (resolution < 0 || relativeResolution < 0 || greyResolution < 0 || (resolution == 0 && relativeResolution == 0))
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), "resolutions are non-negative and one of resolution and relative resolution is positive");
        }

        _minimum = minimum;
        _maximum = maximum;
        _resolution = resolution;
        _relativeResolution = relativeResolution;
        _greyResolution = greyResolution;
        Low = minimum;
        High = maximum;
    }

    /// <summary>Highest rate known to be at or below the available bandwidth (the minimum rate until a fleet says so), bit/s.</summary>
    public double Low { get; private set; }

    /// <summary>Lowest rate known to be above the available bandwidth (the maximum rate until a fleet says so), bit/s.</summary>
    public double High { get; private set; }

    /// <summary>The grey region, when fleets found one; always inside [<see cref="Low"/>, <see cref="High"/>].</summary>
    public (double Low, double High)? Grey => _greyLow is { } lo && _greyHigh is { } hi ? (lo, hi) : null;

    /// <summary>The reason the search is over, or null while it should go on.</summary>
    public EstimateStopReason? Stopped
    {
        get
        {
            if (Narrow(Low, High))
            {
                return !_highObserved ? EstimateStopReason.AboveMaximumRate
                    : !_lowObserved ? EstimateStopReason.BelowMinimumRate
                    : EstimateStopReason.Resolution;
            }

            if (Grey is var (gl, gh) && GreyNarrow(Low, gl) && GreyNarrow(gh, High))
            {
                return EstimateStopReason.GreyRegion;
            }

            return null;
        }
    }

    /// <summary>The rate the next fleet should probe, bit/s.</summary>
    public double NextRate()
    {
        if (Grey is not var (gl, gh))
        {
            return Mid(Low, High);
        }

        // Probe the wider (in ratio) of the two gaps that still exceeds the grey resolution.
        bool lowOpen = !GreyNarrow(Low, gl);
        bool highOpen = !GreyNarrow(gh, High);
        if (lowOpen && (!highOpen || gl / Low >= High / gh))
        {
            return Mid(Low, gl);
        }

        return highOpen ? Mid(gh, High) : Mid(Low, High);
    }

    /// <summary>Records a fleet's verdict at <paramref name="rate"/> bit/s.</summary>
    public void Record(double rate, FleetVerdict verdict)
    {
        switch (verdict)
        {
            case FleetVerdict.NonIncreasing when rate > Low && rate < High:
                Low = rate;
                _lowObserved = true;
                break;
            case FleetVerdict.Increasing when rate > Low && rate < High:
                High = rate;
                _highObserved = true;
                break;
            case FleetVerdict.Grey when rate > Low && rate < High:
                _greyLow = Math.Min(_greyLow ?? rate, rate);
                _greyHigh = Math.Max(_greyHigh ?? rate, rate);
                break;
            default:
                // A verdict outside the open bracket adds nothing or contradicts earlier fleets (noise): the bracket keeps what it has.
                break;
        }

        if (_greyLow is { } lo && _greyHigh is { } hi)
        {
            lo = Math.Max(lo, Low);
            hi = Math.Min(hi, High);
            bool inside = lo < hi || (lo == hi && lo > Low && hi < High);
            _greyLow = inside ? lo : null;
            _greyHigh = inside ? hi : null;
        }
    }

    private bool Narrow(double low, double high) =>
        high - low <= _resolution || high - low <= _relativeResolution * high;

    private bool GreyNarrow(double low, double high) =>
        Narrow(low, high) || high - low <= _greyResolution * high;

    private double Mid(double low, double high) =>
        Math.Clamp(Math.Sqrt(low * high), _minimum, _maximum);
}
