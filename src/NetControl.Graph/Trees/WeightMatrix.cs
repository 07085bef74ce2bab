using System.Collections.Immutable;
using System.Globalization;
using NetControl.Core.Measurements;

namespace NetControl.Graph.Trees;

/// <summary>
/// Dense symmetric weights between every pair of <see cref="Count"/> nodes: the input of every spanning-tree
/// algorithm. <c>+infinity</c> means "no edge"; the diagonal is <c>+infinity</c> (no self-loops); every other
/// weight is finite and non-negative. Read-only to its users: the only mutation path is
/// <see cref="DynamicSpanningTree.Update"/> on the dynamic tree's own copy, so an algorithm running over a
/// matrix can assume it does not change under it.
/// </summary>
public sealed class WeightMatrix
{
    private readonly double[] _w;

    private WeightMatrix(ImmutableArray<string> names, double[] weights)
    {
        Names = names;
        _w = weights;
    }

    /// <summary>Number of nodes.</summary>
    public int Count => Names.Length;

    /// <summary>Node names, one per index (the host names of a latency matrix).</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Weight between <paramref name="i"/> and <paramref name="j"/>; <c>+infinity</c> when there is no edge or i == j.</summary>
    public double this[int i, int j] => _w[(i * Names.Length) + j];

    /// <summary>Row-major values, for hot loops inside the graph engine. Never written outside the dynamic tree.</summary>
    internal double[] Values => _w;

    /// <summary>True when an edge joins <paramref name="i"/> and <paramref name="j"/> (a finite weight).</summary>
    public bool HasEdge(int i, int j) => double.IsFinite(this[i, j]);

    /// <summary>The weights from <paramref name="i"/> to every node.</summary>
    public ReadOnlySpan<double> Row(int i) => _w.AsSpan(i * Count, Count);

    /// <summary>Number of edges (unordered pairs with a finite weight); O(n^2).</summary>
    public int EdgeCount()
    {
        int n = Count;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            var row = Row(i);
            for (int j = i + 1; j < n; j++)
            {
                if (double.IsFinite(row[j]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Every edge once, with <c>U &lt; V</c>, in row-major order.</summary>
    public IEnumerable<WeightedEdge> Edges()
    {
        int n = Count;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double w = _w[(i * n) + j];
                if (double.IsFinite(w))
                {
                    yield return new WeightedEdge(i, j, w);
                }
            }
        }
    }

    /// <summary>
    /// Weights from measured RTTs: <see cref="LatencyMatrix.Undirected"/> of each pair (the mean of both directions
    /// when both were measured), and no edge where neither direction was measured (NaN).
    /// </summary>
    public static WeightMatrix FromLatency(LatencyMatrix latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        int n = latency.Count;
        if (n == 0)
        {
            throw new ArgumentException("a weight matrix needs at least one node; the latency matrix is empty", nameof(latency));
        }

        var w = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            w[(i * n) + i] = double.PositiveInfinity;
            for (int j = i + 1; j < n; j++)
            {
                double rtt = latency.Undirected(i, j);
                double v = double.IsNaN(rtt) ? double.PositiveInfinity : rtt;
                w[(i * n) + j] = v;
                w[(j * n) + i] = v;
            }
        }

        return new WeightMatrix(latency.Names, w);
    }

    /// <summary>
    /// Weights from an edge list over nodes <c>0..count-1</c>. Pairs not listed have no edge; when a pair is listed
    /// more than once the lightest weight is kept. A weight of <c>+infinity</c> lists no edge.
    /// </summary>
    /// <param name="count">Number of nodes, at least 1.</param>
    /// <param name="edges">Edges with endpoints in range, distinct endpoints, weights non-negative and not NaN.</param>
    /// <param name="names">Node names, unique; when null the names are the indices ("0", "1", ...).</param>
    public static WeightMatrix FromEdges(int count, IEnumerable<WeightedEdge> edges, IReadOnlyList<string>? names = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(edges);
        var w = new double[count * count];
        Array.Fill(w, double.PositiveInfinity);
        foreach (var e in edges)
        {
            if ((uint)e.U >= (uint)count || (uint)e.V >= (uint)count)
            {
                throw new ArgumentException($"edge {e} has an endpoint outside 0..{count - 1}", nameof(edges));
            }

            if (e.U == e.V)
            {
                throw new ArgumentException($"edge {e} is a self-loop", nameof(edges));
            }

            ValidateWeight(e.Weight, nameof(edges));
            int a = (e.U * count) + e.V;
            if (e.Weight < w[a])
            {
                w[a] = e.Weight;
                w[(e.V * count) + e.U] = e.Weight;
            }
        }

        return new WeightMatrix(NamesFor(count, names), w);
    }

    /// <summary>A deep copy (the dynamic tree's private matrix).</summary>
    internal WeightMatrix Copy() => new(Names, (double[])_w.Clone());

    /// <summary>Sets both directions of a pair. Only <see cref="DynamicSpanningTree"/> calls this, on its own copy.</summary>
    internal void Set(int i, int j, double weight)
    {
        _w[(i * Count) + j] = weight;
        _w[(j * Count) + i] = weight;
    }

    /// <summary>"'name' (index)", or just the name when it is the index, for messages.</summary>
    internal string Describe(int i)
    {
        string name = Names[i];
        string index = i.ToString(CultureInfo.InvariantCulture);
        return name == index ? index : $"'{name}' ({index})";
    }

    internal static void ValidateWeight(double weight, string paramName)
    {
        if (double.IsNaN(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, weight, "an edge weight must be non-negative (+infinity for no edge), not NaN");
        }
    }

    private static ImmutableArray<string> NamesFor(int count, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            var b = ImmutableArray.CreateBuilder<string>(count);
            for (int i = 0; i < count; i++)
            {
                b.Add(i.ToString(CultureInfo.InvariantCulture));
            }

            return b.MoveToImmutable();
        }

        if (names.Count != count)
        {
            throw new ArgumentException($"{names.Count} names for {count} nodes", nameof(names));
        }

        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!unique.Add(name))
            {
                throw new ArgumentException($"node name '{name}' appears twice", nameof(names));
            }
        }

        return [.. names];
    }
}
