namespace NetControl.Graph.Trees;

/// <summary>
/// The <see cref="Size"/> lightest edges of every node, lightest first, so that a search for the cheapest feasible
/// neighbour can stop at the first feasible entry or at the first entry no lighter than its bound, and scan the full
/// row only when every listed neighbour was lighter but infeasible. Built in O(n^2) (insertion into a short list).
/// </summary>
internal sealed class NearestNeighbours
{
    private readonly int[] _lists;
    private readonly int[] _counts;

    public NearestNeighbours(WeightMatrix weights, int size)
    {
        int n = weights.Count;
        Size = Math.Max(1, Math.Min(size, n - 1));
        _lists = new int[n * Size];
        _counts = new int[n];
        double[] w = weights.Values;
        for (int v = 0; v < n; v++)
        {
            _counts[v] = Fill(w.AsSpan(v * n, n), _lists.AsSpan(v * Size, Size));
        }
    }

    /// <summary>Insertion of each finite entry into a short sorted list; returns how many entries it holds.</summary>
    private static int Fill(ReadOnlySpan<double> row, Span<int> list)
    {
        int size = list.Length;
        Span<double> keys = stackalloc double[size];
        int found = 0;
        double worst = double.PositiveInfinity;
        for (int u = 0; u < row.Length; u++)
        {
            double wu = row[u];
            if (!(wu < worst))
            {
                continue;
            }

            int k = found < size ? found++ : size - 1;
            while (k > 0 && keys[k - 1] > wu)
            {
                keys[k] = keys[k - 1];
                list[k] = list[k - 1];
                k--;
            }

            keys[k] = wu;
            list[k] = u;
            if (found == size)
            {
                worst = keys[size - 1];
            }
        }

        return found;
    }

    /// <summary>Capacity of each list.</summary>
    public int Size { get; }

    /// <summary>The lightest edges of <paramref name="v"/>, lightest first.</summary>
    public ReadOnlySpan<int> Of(int v) => _lists.AsSpan(v * Size, _counts[v]);

    /// <summary>True when the list of <paramref name="v"/> holds every edge of v.</summary>
    public bool IsWhole(int v) => _counts[v] < Size;
}
