using System.Collections.Immutable;

namespace NetControl.Core.Measurements;

/// <summary>
/// Measured round-trip times between every pair of a set of hosts, in milliseconds. NaN marks a pair that
/// was not measured. The diagonal is zero. Values are stored as given: a matrix may be asymmetric.
/// </summary>
public sealed class LatencyMatrix
{
    private readonly double[] _rttMs;

    /// <param name="names">Host names, unique.</param>
    /// <param name="rttMs">Row-major n x n values; copied.</param>
    public LatencyMatrix(ImmutableArray<string> names, ReadOnlySpan<double> rttMs)
    {
        int n = names.Length;
        if (rttMs.Length != n * n)
        {
            throw new ArgumentException($"a latency matrix of {n} hosts needs {n * n} values, got {rttMs.Length}", nameof(rttMs));
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != n)
        {
            throw new ArgumentException("host names of a latency matrix must be unique", nameof(names));
        }

        for (int i = 0; i < rttMs.Length; i++)
        {
            double v = rttMs[i];
            if (!double.IsNaN(v) && (!double.IsFinite(v) || v < 0))
            {
                throw new ArgumentException($"RTT [{i / n},{i % n}] = {v} is not a finite, non-negative number of ms", nameof(rttMs));
            }
        }

        Names = names;
        _rttMs = rttMs.ToArray();
        for (int i = 0; i < n; i++)
        {
            _rttMs[(i * n) + i] = 0;
        }
    }

    public ImmutableArray<string> Names { get; }

    public int Count => Names.Length;

    /// <summary>RTT from <paramref name="i"/> to <paramref name="j"/> in ms, or NaN when not measured.</summary>
    public double this[int i, int j] => _rttMs[(i * Count) + j];

    /// <summary>
    /// The undirected RTT between two hosts: the mean of both directions when both were measured, the one that
    /// was measured otherwise, NaN when neither.
    /// </summary>
    public double Undirected(int i, int j)
    {
        double a = this[i, j];
        double b = this[j, i];
        return double.IsNaN(a) ? b : double.IsNaN(b) ? a : (a + b) / 2;
    }

    /// <summary>Number of unordered pairs whose two directions differ by more than <paramref name="toleranceMs"/>.</summary>
    public int AsymmetricPairs(double toleranceMs = 1e-9)
    {
        int count = 0;
        for (int i = 0; i < Count; i++)
        {
            for (int j = i + 1; j < Count; j++)
            {
                double a = this[i, j];
                double b = this[j, i];
                if (double.IsNaN(a) != double.IsNaN(b) || Math.Abs(a - b) > toleranceMs)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public int IndexOf(string name)
    {
        int i = Names.IndexOf(name, StringComparer.Ordinal);
        return i >= 0 ? i : throw new KeyNotFoundException($"no host '{name}' in the latency matrix");
    }
}
