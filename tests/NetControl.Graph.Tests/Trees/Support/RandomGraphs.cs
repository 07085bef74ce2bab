using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees.Support;

/// <summary>Seeded random weighted graphs for property tests.</summary>
internal static class RandomGraphs
{
    /// <summary>A complete graph with weights in [1, 100), rounded to 0.1 so that ties occur.</summary>
    public static WeightMatrix Complete(Random random, int n)
    {
        var edges = new List<WeightedEdge>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                edges.Add(new WeightedEdge(i, j, Weight(random)));
            }
        }

        return WeightMatrix.FromEdges(n, edges);
    }

    /// <summary>A connected graph: a random spanning tree plus <paramref name="extra"/> random further edges.</summary>
    public static WeightMatrix Connected(Random random, int n, int extra)
    {
        var edges = new Dictionary<(int, int), double>();
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        for (int k = 1; k < n; k++)
        {
            Add(edges, order[k], order[random.Next(k)], Weight(random));
        }

        int maxEdges = n * (n - 1) / 2;
        while (extra > 0 && edges.Count < maxEdges)
        {
            int a = random.Next(n);
            int b = random.Next(n);
            if (a != b && Add(edges, a, b, Weight(random)))
            {
                extra--;
            }
        }

        return WeightMatrix.FromEdges(n, edges.Select(e => new WeightedEdge(e.Key.Item1, e.Key.Item2, e.Value)));
    }

    /// <summary>Points in the unit square, weights = Euclidean distance x 100 (metric, like RTTs roughly are).</summary>
    public static WeightMatrix Euclidean(Random random, int n)
    {
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble();
            y[i] = random.NextDouble();
        }

        var edges = new List<WeightedEdge>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                edges.Add(new WeightedEdge(i, j, 100 * Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j])))));
            }
        }

        return WeightMatrix.FromEdges(n, edges);
    }

    public static double Weight(Random random) => Math.Round(1 + (random.NextDouble() * 99), 1);

    private static bool Add(Dictionary<(int, int), double> edges, int a, int b, double w) =>
        edges.TryAdd((Math.Min(a, b), Math.Max(a, b)), w);
}
