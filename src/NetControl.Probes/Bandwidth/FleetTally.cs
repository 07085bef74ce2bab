namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Counts stream verdicts of one fleet and decides it by qualified majority: increasing when at least
/// <c>ceil(agreement x streams)</c> streams are increasing, non-increasing likewise, grey otherwise (ambiguous
/// streams count for neither side). Knows as soon as the remaining streams cannot change the outcome, so a
/// fleet can stop early and save probe bytes.
/// </summary>
public sealed class FleetTally
{
    private readonly int _streams;
    private readonly int _needed;

    /// <summary>Creates a tally for a fleet of <paramref name="streams"/> streams.</summary>
    /// <param name="streams">Streams in a full fleet.</param>
    /// <param name="agreement">Fraction of the fleet one side needs, in (0.5, 1].</param>
    public FleetTally(int streams, double agreement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(streams, 1);
        if (!(agreement > 0.5 && agreement <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(agreement), agreement, "fleet agreement must be in (0.5, 1]");
        }

        _streams = streams;
        _needed = (int)Math.Ceiling((agreement * streams) - 1e-9);
    }

    /// <summary>Streams judged increasing so far.</summary>
    public int Increasing { get; private set; }

    /// <summary>Streams judged non-increasing so far.</summary>
    public int NonIncreasing { get; private set; }

    /// <summary>Streams judged ambiguous so far.</summary>
    public int Ambiguous { get; private set; }

    /// <summary>Streams counted so far.</summary>
    public int Count => Increasing + NonIncreasing + Ambiguous;

    /// <summary>True when the remaining streams cannot change <see cref="Verdict"/>.</summary>
    public bool IsDecided
    {
        get
        {
            int remaining = _streams - Count;
            return Increasing >= _needed
                || NonIncreasing >= _needed
                || (Increasing + remaining < _needed && NonIncreasing + remaining < _needed);
        }
    }

    /// <summary>The fleet verdict on the streams counted so far (grey until one side has enough).</summary>
    public FleetVerdict Verdict =>
        Increasing >= _needed ? FleetVerdict.Increasing
        : NonIncreasing >= _needed ? FleetVerdict.NonIncreasing
        : FleetVerdict.Grey;

    /// <summary>Counts one stream.</summary>
    public void Add(TrendVerdict verdict)
    {
        if (Count >= _streams)
        {
            throw new InvalidOperationException($"the fleet has only {_streams} streams");
        }

        switch (verdict)
        {
            case TrendVerdict.Increasing:
                Increasing++;
                break;
            case TrendVerdict.NonIncreasing:
                NonIncreasing++;
                break;
            default:
                Ambiguous++;
                break;
        }
    }
}
