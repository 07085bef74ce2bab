namespace NetControl.Simulators.Network.Truth;

/// <summary>A thread-safe ring of recent samples (seconds) plus a running count and sum over all of them.</summary>
internal sealed class SampleWindow
{
    private readonly Lock _gate = new();
    private readonly double[] _ring;
    private long _count;
    private double _sum;

    public SampleWindow(int capacity = 65_536)
    {
        _ring = new double[capacity];
    }

    public void Add(double seconds)
    {
        lock (_gate)
        {
            _ring[(int)(_count % _ring.Length)] = seconds;
            _count++;
            _sum += seconds;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _count = 0;
            _sum = 0;
        }
    }

    public DelayStatistics Snapshot()
    {
        double[] copy;
        long count;
        double sum;
        lock (_gate)
        {
            count = _count;
            sum = _sum;
            copy = _ring[..(int)Math.Min(count, _ring.Length)];
        }

        if (copy.Length == 0)
        {
            return DelayStatistics.Empty;
        }

        Array.Sort(copy);
        return new DelayStatistics(
            count,
            TimeSpan.FromSeconds(sum / count),
            TimeSpan.FromSeconds(Quantile(copy, 0.5)),
            TimeSpan.FromSeconds(Quantile(copy, 0.99)),
            TimeSpan.FromSeconds(copy[^1]));
    }

    /// <summary>Linear interpolation between closest ranks of a sorted array.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
