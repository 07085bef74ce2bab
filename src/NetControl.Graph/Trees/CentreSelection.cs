namespace NetControl.Graph.Trees;

/// <summary>
/// Chooses the centres the constrained-tree heuristic grows from: every node of a small graph, otherwise the best
/// nodes by sum of weights (cheap to reach everyone) and by eccentricity (heaviest direct edge, a radius proxy),
/// a missing edge counting twice the heaviest weight. Edge centres (for odd hop limits and for latency limits)
/// pair centre nodes with their nearest neighbours, or are every edge of a very small graph.
/// </summary>
internal static class CentreSelection
{
    /// <summary>Graphs up to this size use every edge as an edge centre.</summary>
    internal const int AllEdgeCentresUpTo = 12;

    /// <summary>Growth steps (n^2 per centre) a mid-size graph may spend on extra centre nodes.</summary>
    private const long GrowthWork = 1_000_000;

    /// <summary>Centre nodes for a graph above the exhaustive size: at least the option's count, more while growth stays cheap.</summary>
    public static int CentreCount(int n, ConstrainedTreeOptions options) =>
        (int)Math.Min(n, Math.Max(options.CentreNodes, GrowthWork / ((long)n * n)));

    public static List<TreeCentre> Choose(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options)
    {
        int n = weights.Count;
        var nodes = n <= options.ExhaustiveUpTo ? AllNodes(n) : Ranked(weights, CentreCount(n, options));
        var centres = new List<TreeCentre>(nodes.Count * (1 + options.EdgeCentresPerNode));
        foreach (int v in nodes)
        {
            centres.Add(TreeCentre.ForNode(v, constraints));
        }

        bool oddHops = constraints.MaxHopDiameter is int h && h % 2 == 1;
        if (n >= 2 && (oddHops || constraints.MaxLatencyDiameterMs is not null))
        {
            AddEdgeCentres(weights, constraints, options, nodes, centres);
        }

        return centres;
    }

    private static void AddEdgeCentres(WeightMatrix weights, TreeConstraints constraints, ConstrainedTreeOptions options, List<int> nodes, List<TreeCentre> centres)
    {
        int n = weights.Count;
        var distances = new Dictionary<int, double[]>();
        void Add(int a, int b)
        {
            double w = weights[a, b];
            double offset = w / 2;
            if (constraints.MaxLatencyDiameterMs is not null && double.IsFinite(w))
            {
                offset = CentrePoint.BestOffset(w, DistancesFrom(a), DistancesFrom(b));
            }

            if (TreeCentre.ForEdge(a, b, w, offset, constraints) is TreeCentre c)
            {
                centres.Add(c);
            }

            // An even hop limit leaves one hop spare: give it to either side in turn.
            if (constraints is { MaxHopDiameter: int h, MaxLatencyDiameterMs: not null } && h % 2 == 0 && h >= 2)
            {
                if (TreeCentre.ForEdge(a, b, w, offset, constraints, uneven: true) is TreeCentre ab)
                {
                    centres.Add(ab);
                }

                if (TreeCentre.ForEdge(b, a, w, w - offset, constraints, uneven: true) is TreeCentre ba)
                {
                    centres.Add(ba);
                }
            }
        }

        double[] DistancesFrom(int v)
        {
            if (!distances.TryGetValue(v, out var d))
            {
                d = CentrePoint.Distances(weights, v);
                distances[v] = d;
            }

            return d;
        }

        if (n <= AllEdgeCentresUpTo)
        {
            foreach (var e in weights.Edges())
            {
                Add(e.U, e.V);
            }

            return;
        }

        var seen = new HashSet<long>();
        var nearest = new int[options.EdgeCentresPerNode];
        foreach (int a in nodes)
        {
            int found = Nearest(weights.Row(a), nearest);
            for (int k = 0; k < found; k++)
            {
                int b = nearest[k];
                long key = ((long)Math.Min(a, b) * n) + Math.Max(a, b);
                if (seen.Add(key))
                {
                    Add(Math.Min(a, b), Math.Max(a, b));
                }
            }
        }
    }

    /// <summary>Fills <paramref name="nearest"/> with the indices of the lightest finite entries of a row, lightest first.</summary>
    private static int Nearest(ReadOnlySpan<double> row, int[] nearest)
    {
        int capacity = nearest.Length;
        int found = 0;
        for (int j = 0; j < row.Length && capacity > 0; j++)
        {
            double w = row[j];
            if (!double.IsFinite(w))
            {
                continue;
            }

            int k;
            if (found == capacity)
            {
                if (w >= row[nearest[capacity - 1]])
                {
                    continue;
                }

                k = capacity - 1;
            }
            else
            {
                k = found++;
            }

            while (k > 0 && row[nearest[k - 1]] > w)
            {
                nearest[k] = nearest[k - 1];
                k--;
            }

            nearest[k] = j;
        }

        return found;
    }

    private static List<int> AllNodes(int n)
    {
        var all = new List<int>(n);
        for (int v = 0; v < n; v++)
        {
            all.Add(v);
        }

        return all;
    }

    private static List<int> Ranked(WeightMatrix weights, int count)
    {
        int n = weights.Count;
        double[] w = weights.Values;
        var sums = new double[n];
        var eccentricities = new double[n];
        var missing = new int[n];
        double heaviest = 0;
        for (int v = 0; v < n; v++)
        {
            double sum = 0;
            double ecc = 0;
            int absent = 0;
            int offset = v * n;
            for (int u = 0; u < n; u++)
            {
                double wu = w[offset + u];
                if (wu < double.PositiveInfinity)
                {
                    sum += wu;
                    ecc = Math.Max(ecc, wu);
                }
                else
                {
                    absent++;
                }
            }

            sums[v] = sum;
            eccentricities[v] = ecc;
            missing[v] = absent - 1;
            heaviest = Math.Max(heaviest, ecc);
        }

        // A missing edge counts as twice the heaviest one.
        double penalty = 2 * Math.Max(heaviest, 1);
        for (int v = 0; v < n; v++)
        {
            if (missing[v] > 0)
            {
                sums[v] += missing[v] * penalty;
                eccentricities[v] = penalty;
            }
        }

        var bySum = Order(sums);
        var byEccentricity = Order(eccentricities);
        var chosen = new List<int>(count);
        var taken = new bool[n];
        int wanted = Math.Min(count, n);
        int fromSum = (wanted + 1) / 2;
        for (int k = 0; k < n && chosen.Count < fromSum; k++)
        {
            Take(bySum[k], chosen, taken);
        }

        for (int k = 0; k < n && chosen.Count < wanted; k++)
        {
            Take(byEccentricity[k], chosen, taken);
        }

        return chosen;
    }

    private static void Take(int v, List<int> chosen, bool[] taken)
    {
        if (!taken[v])
        {
            taken[v] = true;
            chosen.Add(v);
        }
    }

    private static int[] Order(double[] keys)
    {
        var index = new int[keys.Length];
        for (int i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        Array.Sort((double[])keys.Clone(), index);
        return index;
    }
}
